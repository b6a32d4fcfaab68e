import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { importResults } from "../../models/import/import.server";
import { QueueEntry } from "../../models/moderation/queue-entry.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { captureLog, setupHttpApp } from "./http-app";

/**
 * Faults injected into one write of the real data layer: the database goes away between the writes of an
 * intake, a decision and an import. The spy fails exactly the write named and lets every other call through
 * to the embedded database; the server and the database itself are the real ones.
 */
setupTestDatabase();
const http = setupHttpApp();
captureLog(); // the injected failures are logged as errors; keep them out of the test output

const outage = () => Object.assign(new Error("connection 1 to 127.0.0.1 closed"), { name: "MongoNetworkError" });

/** Fails the `nth` call of Evaluation.updateOne (counting from 1) as a dropped connection would. */
function failEvaluationUpdate(nth: number) {
  const real = Evaluation.updateOne.bind(Evaluation);
  let calls = 0;
  return vi.spyOn(Evaluation, "updateOne").mockImplementation(((...args: Parameters<typeof Evaluation.updateOne>) => {
    calls += 1;
    return calls === nth ? Promise.reject(outage()) : real(...args);
  }) as typeof Evaluation.updateOne);
}

afterEach(() => {
  vi.restoreAllMocks();
});

const counters = async (evaluationId: string) => (await Evaluation.findById(evaluationId, { counters: 1 }).lean())!.counters;

beforeAll(async () => {
  await createPeriod({ code: "2011" });
});

describe("when the database fails between the writes", () => {
  it("of an intake, the resident gets a JSON error, and nothing of the comment stays behind", async () => {
    const org = await createRatedOrganization({ code: "FI-001", name: "Chi bộ Ấp Phú Lợi", period: "2011" });
    const before = {
      counters: await counters(org.evaluationId),
      stored: await Feedback.countDocuments({ evaluation: org.evaluationId }),
      codes: await FeedbackCode.countDocuments({}),
      queue: await QueueEntry.countDocuments({}),
    };
    failEvaluationUpdate(1); // the pending counter, the intake's last write

    const res = await fetch(http.url("/api/v1/feedback"), {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({ evaluation: org.evaluationId, stance: "agree", body: "Chi bộ gần dân, làm việc tận tâm." }),
    });
    // The database answers again by the time the server looks, so this is an unexpected error, not an outage (503).
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(JSON.parse(text)).toEqual({ error: { code: "internal_error", message: expect.stringMatching(/Reference: [0-9a-f]+/) } });
    expect(text).not.toMatch(/MongoNetworkError|closed|\.ts:\d/);

    vi.restoreAllMocks();
    expect(await counters(org.evaluationId)).toEqual(before.counters);
    expect(await Feedback.countDocuments({ evaluation: org.evaluationId })).toBe(before.stored);
    expect(await FeedbackCode.countDocuments({})).toBe(before.codes);
    expect(await QueueEntry.countDocuments({})).toBe(before.queue);
    expect((await recountCounters({ period: "2011", dryRun: true })).drifts.filter((d) => d.evaluation === org.evaluationId)).toEqual([]);
  });

  it("of a decision, the moderator gets an error, a retry says it is decided, and summaries:rebuild restores the counters", async () => {
    const org = await createRatedOrganization({ code: "FI-002", name: "Chi bộ Ấp Phú Hòa", period: "2011" });
    const item = await createPendingFeedback({ ...org, stance: "agree" });
    const moderator = await createStaff("moderator");
    const decide = () =>
      fetch(http.url(`/api/v1/moderation/feedback/${item.id}`), {
        method: "POST",
        headers: { cookie: moderator.cookie, "content-type": "application/json", "accept-language": "en" },
        body: JSON.stringify({ decision: "approve" }),
      });
    const before = await counters(org.evaluationId);
    failEvaluationUpdate(1); // the counters, after the item's own write

    const failed = await decide();
    expect(failed.status).toBe(500);
    expect(((await failed.json()) as { error: { code: string } }).error.code).toBe("internal_error");
    vi.restoreAllMocks();

    // The item's write went through: it is decided, and a second try says so rather than counting it twice.
    expect(await Feedback.findById(item.id, { _id: 0, status: 1 }).lean()).toEqual({ status: "approved" });
    expect((await decide()).status).toBe(409);
    expect(await counters(org.evaluationId)).toEqual(before);

    const report = await recountCounters({ period: "2011" });
    expect(
      report.drifts
        .filter((d) => d.evaluation === org.evaluationId)
        .map((d) => `${d.field} ${d.stored}→${d.recount}`)
        .sort(),
    ).toEqual([
      `counters.agree ${before.agree}→${before.agree + 1}`,
      `counters.pending ${before.pending}→${before.pending - 1}`,
      "residentCounters.agree 0→1",
    ]);
    expect(await counters(org.evaluationId)).toEqual({ ...before, agree: before.agree + 1, pending: before.pending - 1 });
    expect((await recountCounters({ period: "2011", dryRun: true })).drifts).toEqual([]);
  });

  it("of an import, the rows written stay, and running the same file again completes it", async () => {
    await createPeriod({ code: "2015" });
    const good = new TextDecoder()
      .decode(readFileSync(new URL("../fixtures/import-2011-good.csv", import.meta.url)))
      .replaceAll("IMP-", "FIM-");
    expect(await importResults({ bytes: new TextEncoder().encode(good), period: "2015", source: "cli" })).toMatchObject({ created: 10 });
    // Every row re-rated as weak (one already is), so the import updates nine evaluations; the sixth update fails.
    const rerated = good
      .replace(/,(tsvm-tieu-bieu|tsvm|hoan-thanh-tot|hoan-thanh|yeu-kem),/g, ",yeu-kem,")
      .replace(/^code,name,kind,district,yeu-kem,/, "code,name,kind,district,rating,");
    failEvaluationUpdate(6);

    await expect(importResults({ bytes: new TextEncoder().encode(rerated), period: "2015", source: "cli" })).rejects.toThrow(/closed/);
    vi.restoreAllMocks();
    const weak = await Evaluation.countDocuments({ period: "2015", rating: "yeu-kem" });
    expect(weak).toBeGreaterThan(0);
    expect(weak).toBeLessThan(10);

    const again = await importResults({ bytes: new TextEncoder().encode(rerated), period: "2015", source: "cli" });
    expect(again).toMatchObject({ applied: true, issues: [] });
    expect(again.changed + again.unchanged).toBe(10);
    expect(await Evaluation.countDocuments({ period: "2015", rating: "yeu-kem" })).toBe(10);
  });
});
