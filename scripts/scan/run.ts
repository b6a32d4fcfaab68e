/**
 * `npm run scan`: Debian's wapiti against a demo server this script starts (the compiled build, CAPTCHA
 * off, a throw-away DATA_DIR, seeded), signed in as a moderator, handed every route and a sample of the
 * sitemap, with no module that calls servers outside this machine. Prints the findings; explained in
 * docs/scan-findings.md. Takes about ten minutes, so it is not part of `npm test`.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { keepRateLimitsOpen, moderatorSession, startDemoServer } from "./demo-server";
import { formatReport, parseReport } from "./report";
import { routeUrls, sitemapUrls, type RouteValues } from "./targets";

const ROOT = path.resolve(import.meta.dirname, "../..");
const PYTHON = "/usr/bin/python3";
/**
 * Wapiti's default modules without ssrf (it makes the target call wapiti's server on the internet), plus
 * crlf, csrf and methods. Left out as well: wapp (downloads its database), xxe (its payloads call out too),
 * and the brute-force ones (buster, nikto, backup, brute_login_form), which find files, not flaws in our code.
 */
const MODULES = "blindsql,cookieflags,csp,exec,file,http_headers,permanentxss,redirect,sql,xss,crlf,csrf,methods";
const CRAWL_SECONDS = 120;
const SECONDS_PER_MODULE = 90;
/** Pages of one directory the crawler fetches (every route's URL comes first, then links found on them). */
const FILES_PER_DIRECTORY = 30;
/** Kept after the run (git ignores .cache/; Playwright empties test-results/): wapiti's full report, requests and curl commands included. */
const REPORT_FILE = path.join(ROOT, ".cache/scan/wapiti.json");

async function json<T>(url: string, schema: z.ZodType<T>, init?: RequestInit): Promise<T> {
  const res = await fetch(url, init);
  if (!res.ok) throw new Error(`${init?.method ?? "GET"} ${url}: ${res.status}`);
  return schema.parse(await res.json());
}

/** Real values for the route parameters: the first organization of the sitemap, its evaluation, a fresh comment on it. */
async function routeValues(base: string, sitemap: string, cookie: string): Promise<RouteValues> {
  const organization = decodeURIComponent(/\/organizations\/([^<?]+)<\/loc>/.exec(sitemap)?.[1] ?? "");
  const { items: periods } = await json(
    `${base}/api/v1/periods`,
    z.object({ items: z.array(z.object({ code: z.string(), status: z.string() })) }),
  );
  const period = (periods.find((item) => item.status === "open") ?? periods[0])?.code ?? "";
  const { evaluations } = await json(
    `${base}/api/v1/organizations/${encodeURIComponent(organization)}`,
    z.object({ evaluations: z.array(z.object({ id: z.string(), period: z.string() })) }),
  );
  const evaluation = evaluations.find((item) => item.period === period)?.id ?? "";
  const body = JSON.stringify({ evaluation, stance: "agree", body: "Chi bộ sinh hoạt đều, gần gũi với bà con (góp ý để quét bảo mật)." });
  const { trackingCode } = await json(`${base}/api/v1/feedback`, z.object({ trackingCode: z.string() }), {
    method: "POST",
    headers: { "content-type": "application/json" },
    body,
  });
  const queue = await json(
    `${base}/api/v1/moderation/queue?status=pending&limit=1`,
    z.object({ items: z.array(z.object({ id: z.string() })) }),
    { headers: { cookie } },
  );
  return { organization, period, trackingCode, feedbackId: queue.items[0]?.id ?? null };
}

/** The server's error lines, one per message and path with a count (the scanner repeats itself). */
function serverErrors(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) {
    const { message = "?", path: where = "?" } = JSON.parse(line) as { message?: string; path?: string };
    const key = `${where}: ${message}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts.entries()].map(([key, n]) => `${n}× ${key}`);
}

function wapiti(args: string[]): Promise<number | null> {
  const child = spawn(PYTHON, [path.join(ROOT, "scripts/scan/wapiti.py"), ...args], { stdio: ["ignore", "inherit", "inherit"] });
  return new Promise((resolve) => child.once("exit", resolve));
}

async function main(): Promise<number> {
  if (!existsSync("/usr/bin/wapiti")) throw new Error("wapiti is missing: apt-get install wapiti");
  if (!existsSync(path.join(ROOT, "build/server/index.js"))) throw new Error("no build: run `npm run build` first (npm run scan does)");
  console.log("starting the demo server (seeding takes about half a minute)…");
  const server = await startDemoServer();
  try {
    const cookie = await moderatorSession(server);
    const sitemap = await fetch(`${server.base}/sitemap.xml`).then((res) => res.text());
    const urls = [
      ...new Set([...routeUrls(server.base, await routeValues(server.base, sitemap, cookie)), ...sitemapUrls(server.base, sitemap)]),
    ];
    console.log(`scanning ${urls.length} URLs at ${server.base} as a moderator, modules: ${MODULES}`);
    mkdirSync(path.dirname(REPORT_FILE), { recursive: true });
    const reopen = await keepRateLimitsOpen(server);
    const code = await wapiti([
      "-u",
      `${server.base}/`,
      "--scope",
      "folder",
      "-d",
      "1",
      "--max-links-per-page",
      "10",
      "--max-files-per-dir",
      String(FILES_PER_DIRECTORY),
      ...urls.flatMap((url) => ["-s", url]),
      "-x",
      `${server.base}/logout`,
      "-H",
      `Cookie: ${cookie}`,
      "-m",
      MODULES,
      "--max-scan-time",
      String(CRAWL_SECONDS),
      "--max-attack-time",
      String(SECONDS_PER_MODULE),
      "--flush-session",
      "--store-session",
      path.join(server.dataDir, "wapiti"),
      "-f",
      "json",
      "-o",
      REPORT_FILE,
      "-v",
      "0",
      "--no-bugreport",
    ]);
    await reopen();
    if (code !== 0 || !existsSync(REPORT_FILE)) throw new Error(`wapiti exited with ${String(code)} and no report`);
    const { text, count } = formatReport(parseReport(readFileSync(REPORT_FILE, "utf8")));
    const errors = serverErrors(server.errors);
    console.log(`\n${text}\n\nServer errors logged during the scan: ${errors.length === 0 ? "none" : ""}`.trimEnd());
    for (const line of errors) console.log(`    ${line}`);
    console.log(
      `\n${count} findings, ${server.errors.length} server errors (full report: ${path.relative(ROOT, REPORT_FILE)}); each one not fixed is explained in docs/scan-findings.md.`,
    );
    return 0;
  } finally {
    await server.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
