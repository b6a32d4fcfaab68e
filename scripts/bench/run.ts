/**
 * `npm run bench -- [--url http://127.0.0.1:3000] [--duration S] [--connections C] [--quick]` (see args.ts):
 * measures a running server's pages, open data, staff pages, moderation decisions and an intake flood,
 * each beside a minimal Remix route measured in the same run, and prints one table with the goals.
 * A benchmark, not a test: it prints PASS/MISS and always exits 0 once it has measured.
 */
import { randomBytes, randomInt } from "node:crypto";
import { readSettings, type Settings } from "./args";
import { discover, type ServerData } from "./discover";
import { timeDecisions } from "./decisions";
import { publishOne, withdrawalRow } from "./follow-up";
import { DECISION_P50_MS, describeGoal, FLOOD_SLOWDOWN, INTAKE_PER_S, judge } from "./goals";
import { settle } from "./http";
import { flood, lookUpAll, postComments, type Poster } from "./intake";
import { measure, type Stats, type Target } from "./load";
import { startMinimal } from "./minimal";
import { memoryRow, processCpuMs, serverUnderTest } from "./production-server";
import { organizationSession, staffSessions } from "./staff";
import { replyRow } from "./replies";
import { HOME, organizationAccountTarget, organizationPage, publicTargets, staffTargets, type GoalTarget } from "./targets";
import { renderTable, timedWritesRow, type Row } from "./table";

const log = (line: string) => console.log(`· ${line}`);

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** A phase that failed (a timeout on an overloaded server, say) becomes a MISS row; the table still prints. */
async function rowsOrMiss(name: string, goal: string, phase: () => Promise<Row[]>): Promise<Row[]> {
  try {
    return await phase();
  } catch (error) {
    return [{ name, goal, verdict: "MISS", note: `failed: ${message(error)}` }];
  }
}

/**
 * Idle (one connection) then loaded, then waits for the server to work off any queue before the next target.
 * With the server's `pid` (this machine), notes its CPU time per idle request: robust when the machine is busy.
 */
async function measureBoth(
  settings: Settings,
  base: string,
  target: Target,
  pid?: number,
): Promise<{ idle: Stats; loaded: Stats; note?: string }> {
  log(`${target.name}`);
  const cpuBefore = processCpuMs(pid);
  const idle = await measure(base, target, { connections: 1, duration: settings.duration });
  const cpuAfter = processCpuMs(pid);
  const loaded = await measure(base, target, { connections: settings.connections, duration: settings.duration });
  const waited = await settle(base, { maxMs: settings.settleMs });
  const notes = [
    cpuBefore !== null && cpuAfter !== null && idle.total > 0
      ? `server CPU ${((cpuAfter - cpuBefore) / idle.total).toFixed(1)} ms/req`
      : "",
    idle.total === 0 || loaded.total === 0 ? `no response finished within the ${settings.duration}s measurement` : "",
    waited === null
      ? `server still busy ${settings.settleMs / 1000}s after the load`
      : waited > 2000
        ? `server busy ${(waited / 1000).toFixed(0)}s after the load`
        : "",
  ].filter(Boolean);
  return { idle, loaded, ...(notes.length ? { note: notes.join("; ") } : {}) };
}

async function decisionRow(settings: Settings, base: string, cookie: string): Promise<Row> {
  log("moderation decisions");
  const { times, refused, elapsedMs } = await timeDecisions(base, cookie, {
    count: settings.decisions,
    deadlineMs: settings.duration * 5000,
  });
  return timedWritesRow({
    name: "POST decision (approve)",
    times,
    refused,
    goalMs: DECISION_P50_MS,
    note: `${times.length} decided one at a time in ${(elapsedMs / 1000).toFixed(1)}s`,
  });
}

async function floodRows(settings: Settings, base: string, data: ServerData, poster: Poster, idle: Map<string, Stats>): Promise<Row[]> {
  log(`intake flood: ${settings.connections} residents for ${settings.flood}s, with / and an organization page probed meanwhile`);
  const probes = [HOME, organizationPage(data)];
  const postedBefore = poster.posted;
  const [result, ...during] = await Promise.all([
    flood(poster, { connections: settings.connections, duration: settings.flood }),
    ...probes.map((target) => measure(base, target, { connections: 1, duration: settings.flood })),
  ]);
  log(`looking up ${result.codes.length} tracking codes`);
  const lookup = await lookUpAll(base, result.codes, { concurrency: 8, deadlineMs: settings.lookupMs });
  await settle(base, { maxMs: settings.settleMs });
  const statuses =
    Object.entries(result.statuses)
      .map(([status, n]) => `${status}×${n}`)
      .join(" ") || `no response within ${settings.flood}s`;
  const serverErrors = Object.entries(result.statuses).some(([status]) => status === "error" || status.startsWith("5"));
  const rateLimited =
    (result.statuses["429"] ?? 0) > 0 ? " (429: does the server trust X-Forwarded-For from 127.0.0.1? TRUST_PROXY=1)" : "";
  const intake: Row = {
    name: "intake POST /api/v1/feedback",
    loaded: { ...result.stats, rps: result.acceptedPerS },
    goal: `≥${INTAKE_PER_S} accepted/s, all found, no 5xx`,
    verdict: result.acceptedPerS >= INTAKE_PER_S && lookup.found === result.codes.length && !serverErrors ? "PASS" : "MISS",
    note: `accepted/s shown; ${poster.posted - postedBefore} sent, ${statuses}${rateLimited}; found ${lookup.found}/${result.codes.length} (${lookup.checked} looked up)`,
  };
  const probeRows = probes.map((target, i): Row => {
    const before = idle.get(target.name);
    const stats = during[i]!;
    const ok = before !== undefined && stats.total > 0 && stats.p99 <= FLOOD_SLOWDOWN * before.p99 && stats.non2xx + stats.errors === 0;
    return {
      name: `${target.name} during flood`,
      idle: before,
      loaded: stats,
      goal: `p99≤${FLOOD_SLOWDOWN}× idle p99`,
      verdict: ok ? "PASS" : "MISS",
      note: "loaded columns: 1 connection during the flood",
    };
  });
  return [intake, ...probeRows];
}

async function main(): Promise<void> {
  const settings = readSettings(process.argv.slice(2));
  const served = await serverUnderTest(settings, log);
  const base = served?.url ?? settings.url;
  if ((await settle(base, { maxMs: 30_000, fastMs: 10_000 })) === null) throw new Error(`no healthy server at ${base}/healthz`);
  const minimal = await startMinimal(log).catch(async (error: unknown) => (await served?.stop(), Promise.reject(error)));
  try {
    const reference = await measureBoth(settings, minimal.url, { name: "minimal Remix route", path: "/" }, minimal.pid);
    const minimalRps = Math.max(reference.loaded.rps, 0.001);
    const rows: Row[] = [{ name: "minimal Remix route", ...reference, ratio: 1, goal: "reference", verdict: "" }];

    log("reading organizations, creating staff sessions, posting a few comments");
    const data = await discover(base, { sample: settings.sample });
    const sessions = await staffSessions(base, ["moderator", "committee"]);
    const poster: Poster = {
      base,
      source: { runId: randomBytes(3).toString("hex"), evaluations: data.evaluations, ratingKeys: data.ratingKeys },
      addressBase: randomInt(0xffffff),
      posted: 0,
    };
    const seeded = await postComments(poster, settings.seedComments);
    if (seeded.codes.length === 0)
      console.warn(`no comment accepted before measuring (statuses ${JSON.stringify(seeded.statuses)}): /feedback/:code is skipped`);

    const idle = new Map<string, Stats>();
    const targetRows = async (targets: GoalTarget[]) => {
      const measuredRows: Row[] = [];
      for (const target of targets) {
        const measured = await measureBoth(settings, base, target, served?.pid);
        idle.set(target.name, measured.idle);
        const ratio = measured.loaded.rps / minimalRps;
        measuredRows.push({
          name: target.name,
          ...measured,
          ratio,
          goal: describeGoal(target.goal),
          verdict: judge(target.goal, measured.idle, measured.loaded, ratio),
        });
      }
      return measuredRows;
    };
    rows.push(...(await targetRows(publicTargets(data, seeded.codes))));
    const decisions = await rowsOrMiss("POST decision (approve)", `p50≤${DECISION_P50_MS}ms`, async () => [
      await decisionRow(settings, base, sessions.moderator),
    ]);
    const intake = await rowsOrMiss("intake POST /api/v1/feedback", `≥${INTAKE_PER_S} accepted/s`, () =>
      floodRows(settings, base, data, poster, idle),
    );
    // Residents' follow-up after the flood: post a few comments and withdraw them, then read a report page.
    const withdrawals = await rowsOrMiss("DELETE /api/v1/feedback/:code (withdraw)", `p50≤${DECISION_P50_MS}ms`, async () => [
      await withdrawalRow(base, (await postComments(poster, settings.seedComments)).codes, {
        deadlineMs: settings.duration * 5000,
        goalMs: DECISION_P50_MS,
      }),
    ]);
    const reported = await publishOne(base, sessions.moderator);
    const reportPage = reported ? await targetRows([{ name: "/comments/:id/report", path: `/comments/${reported}/report` }]) : [];
    // The right of reply: the first organization's account edits its reply, then reads its page (the form included).
    const replies = await rowsOrMiss("PUT /api/v1/evaluations/:id/reply", `p50≤${DECISION_P50_MS}ms`, async () => {
      const code = data.orgCodes[0]!;
      const cookie = await organizationSession(base, code);
      const row = await replyRow(base, {
        code,
        cookie,
        count: settings.decisions,
        deadlineMs: settings.duration * 5000,
        goalMs: DECISION_P50_MS,
      });
      return [row, ...(await targetRows([organizationAccountTarget(code, cookie)]))];
    });
    rows.push(
      ...(await targetRows(staffTargets(sessions, data))),
      ...decisions,
      ...intake,
      ...withdrawals,
      ...reportPage,
      ...replies,
      ...memoryRow(served),
    );

    console.log(
      `\n${base}, period ${data.period}, ${data.orgCodes.length} organizations; ${settings.duration}s per measurement, 1 and ${settings.connections} connections; minimal Remix route ${minimalRps.toFixed(0)} req/s at ${settings.connections}`,
    );
    console.log(renderTable(rows, settings.connections));
  } finally {
    await minimal.stop();
    await served?.stop();
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(message(error));
    process.exit(1);
  },
);
