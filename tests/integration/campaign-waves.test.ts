import { beforeAll, describe, expect, it } from "vitest";
import { action as queueForm } from "../../app/routes/moderation._index";
import { loader as queueApi } from "../../app/routes/api.v1.moderation.queue";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { rebuildCampaignFlags } from "../../models/feedback/campaign-flags.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { QueueEntry } from "../../models/moderation/queue-entry.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { postFeedback } from "./feedback-call";
import { setupHttpApp } from "./http-app";
import { callLoader } from "./route-call";

setupTestDatabase();
const http = setupHttpApp();

/** Texts that open with the same 40 characters, so intake sees them as one campaign; each from its own address. */
const OPENING = "Chi bộ này không xứng đáng được xếp loại hoàn thành tốt nhiệm vụ";

async function post(evaluation: string, n: number, stance = "disagree"): Promise<{ id: string; code: string }> {
  const res = await postFeedback({
    evaluation,
    stance,
    proposedRating: stance === "disagree" ? "yeu-kem" : undefined,
    body: `${OPENING}, ý kiến số ${n}.`,
  });
  expect(res.status, res.text).toBe(201);
  const code = String(res.json.trackingCode);
  const doc = await Feedback.findOne({ trackingCode: code }, { _id: 1 }).lean();
  return { id: String(doc!._id), code };
}

async function stateOf(id: string) {
  const doc = await Feedback.findById(id, { status: 1, wave: 1, flags: 1 }).lean();
  return { status: doc!.status, wave: doc!.wave ?? null, burst: doc!.flags.some((flag) => flag.kind === "burst") };
}

async function counters(evaluationId: string) {
  const doc = await Evaluation.findById(evaluationId, { counters: 1 }).lean();
  return doc!.counters;
}

/** Posts the wave form of the queue page as a browser without JavaScript would. */
async function decideWave(cookie: string, fields: [string, string][]) {
  const request = new Request("http://localhost/moderation", {
    method: "POST",
    headers: { "accept-language": "en", Cookie: cookie },
    body: new URLSearchParams(fields),
  });
  const result = (await queueForm({ request, params: {}, context: { cspNonce: "", requestId: "t", clientKey: "k" } })) as {
    data: { ok: boolean; message: string };
    init: { status: number } | null;
  };
  return { status: result.init?.status ?? 200, ...result.data };
}

/** Counters equal a recount of the feedback collection, and the campaign-flag tallies need no correction. */
async function expectNoDrift() {
  expect((await recountCounters({ dryRun: true })).drifts).toEqual([]);
  expect(await rebuildCampaignFlags()).toBe(0);
}

let moderator: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  await createPeriod();
  moderator = await createStaff("moderator");
});

describe("campaign waves", () => {
  it("flags every member once the wave is detected, the first four too, and keeps an earlier approval", async () => {
    const org = await createRatedOrganization({ code: "CW-001", name: "Chi bộ Ấp Sóng", period: "2011" });
    const [first, second] = [await post(org.evaluationId, 1), await post(org.evaluationId, 2)];
    await decideFeedback({ id: first.id, decision: "approve", moderator });
    const early = [second, await post(org.evaluationId, 3), await post(org.evaluationId, 4)];
    // Below the threshold nothing is flagged yet.
    for (const item of [first, ...early]) expect((await stateOf(item.id)).burst).toBe(false);

    const fifth = await post(org.evaluationId, 5);
    const sixth = await post(org.evaluationId, 6);
    const wave = (await stateOf(fifth.id)).wave;
    expect(wave).toBe(first.id);
    for (const item of [...early, fifth, sixth]) expect(await stateOf(item.id)).toEqual({ status: "pending", wave, burst: true });
    // Approved before the wave showed: it keeps its decision and is marked in the wave.
    expect(await stateOf(first.id)).toEqual({ status: "approved", wave, burst: true });
    const pendingIds = [...early, fifth, sixth].map((item) => item.id);
    for (const id of pendingIds)
      expect(await QueueEntry.findById(id, { flagged: 1, wave: 1 }).lean()).toMatchObject({ flagged: true, wave });
    const flaggedQueue = await listQueue({ filters: { status: "pending", flagged: true, organization: "CW-001" }, limit: 25 });
    expect(flaggedQueue.items.map((item) => item.id)).toEqual(pendingIds);
    expect(flaggedQueue.items.every((item) => item.wave?.id === wave && item.wave.size === 6)).toBe(true);
    await expectNoDrift();

    // The queue page, rendered by the real app: one group of the wave's size with its five pending members.
    const page = await fetch(http.url("/moderation?organization=CW-001"), {
      headers: { Cookie: moderator.cookie, "Accept-Language": "en" },
    });
    const html = await page.text();
    expect(page.status).toBe(200);
    expect(html.match(/data-wave="/g)).toHaveLength(1);
    expect(html).toContain("Campaign wave: 6 similar comments");
    expect(html).toContain("Reject the wave&#x27;s 5 comments");
    for (const item of [...early, fifth, sixth]) expect(html).toContain(`name="ids" value="${item.id}"`);
    const decided = await fetch(http.url("/moderation?status=approved&organization=CW-001"), {
      headers: { Cookie: moderator.cookie, "Accept-Language": "en" },
    });
    expect(await decided.text()).toContain("Part of a campaign wave of 6 similar comments.");

    // Another moderator rejects one member on its own meanwhile; then the group's form rejects the rest.
    const other = await createStaff("moderator");
    await decideFeedback({ id: early[1]!.id, decision: "reject", reason: "spam", moderator: other });
    const before = await counters(org.evaluationId);
    const form: [string, string][] = [
      ["intent", "reject"],
      ["wave", wave!],
      ["reason", "spam"],
      ...pendingIds.map((id): [string, string] => ["ids", id]),
    ];
    const outcome = await decideWave(moderator.cookie, form);
    expect(outcome).toMatchObject({ status: 200, ok: true });
    expect(outcome.message).toBe("Rejected 4 items. 1 item had already been decided by someone else.");
    for (const id of pendingIds) expect((await stateOf(id)).status).toBe("rejected");
    expect(await stateOf(first.id)).toMatchObject({ status: "approved" });
    const after = await counters(org.evaluationId);
    expect(after.pending).toBe(before.pending - 4);
    for (const id of pendingIds) expect(await AuditEvent.countDocuments({ action: "feedback.reject", targetId: id })).toBe(1);
    expect(await AuditEvent.find({ action: "wave.reject", targetId: wave }, { after: 1 }).lean()).toMatchObject([
      { after: { decided: 4, alreadyDecided: 1 } },
    ]);
    await expectNoDrift();

    // Sent again (a double click, a second moderator): nothing more is decided or counted.
    const again = await decideWave(moderator.cookie, form);
    expect(again).toMatchObject({ status: 409, ok: false });
    expect(await counters(org.evaluationId)).toEqual(after);
    await expectNoDrift();
  });

  it("approves a wave's pending members once each, and decides only members of the wave named", async () => {
    const org = await createRatedOrganization({ code: "CW-002", name: "Chi bộ Ấp Gió", period: "2011" });
    const outsider = await createRatedOrganization({ code: "CW-003", name: "Chi bộ Ấp Lặng", period: "2011" });
    const members = [];
    for (let n = 1; n <= 5; n++) members.push(await post(org.evaluationId, n, "agree"));
    const lone = await post(outsider.evaluationId, 1, "agree");
    const wave = (await stateOf(members[0]!.id)).wave!;
    expect(wave).toBe(members[0]!.id);
    expect((await stateOf(lone.id)).wave).toBeNull();
    const api = (await callLoader(queueApi, "/api/v1/moderation/queue?organization=CW-002", {}, { Cookie: moderator.cookie })) as Response;
    const listed = (await api.json()) as { items: { wave: unknown }[] };
    expect(listed.items.map((item) => item.wave)).toEqual(members.map(() => ({ id: wave, size: 5 })));
    const before = await counters(org.evaluationId);

    const ids = [...members, lone].map((item): [string, string] => ["ids", item.id]);
    const outcome = await decideWave(moderator.cookie, [["intent", "approve"], ["wave", wave], ...ids]);
    expect(outcome).toMatchObject({ status: 200, ok: true, message: "Approved 5 items." });
    expect(await counters(org.evaluationId)).toMatchObject({ pending: before.pending - 5, agree: before.agree + 5 });
    expect((await stateOf(lone.id)).status).toBe("pending");
    await expectNoDrift();

    const unknown = await decideWave(moderator.cookie, [
      ["intent", "approve"],
      ["wave", "0123456789abcdef01234567"],
      ["ids", lone.id],
    ]);
    expect(unknown).toMatchObject({
      status: 400,
      ok: false,
      message: "This campaign wave no longer exists or does not hold the selected comments.",
    });
    expect((await stateOf(lone.id)).status).toBe("pending");
  });
});
