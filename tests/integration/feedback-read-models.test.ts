import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { decideFeedback, redactFeedback, reverseDecision } from "../../models/moderation/moderation.server";
import { listQueue, type QueueFilters } from "../../models/moderation/moderation-queue.server";
import { QueueEntry } from "../../models/moderation/queue-entry.server";
import { rebuildFeedbackReadModels } from "../../models/feedback/read-models.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const HOUR = 3_600_000;
type Org = { evaluationId: string; organizationId: string };
let moderator: Awaited<ReturnType<typeof createStaff>>;
let admin: Awaited<ReturnType<typeof createStaff>>;
/** Decisions get distinct, increasing times, as real ones do. */
let clock = Date.now();
const tick = () => new Date((clock += 1000));

beforeAll(async () => {
  moderator = await createStaff("moderator");
  admin = await createStaff("admin");
});

let made = 0;
/**
 * A period of the test's own with two organizations: five pending items on A (Biên Hòa, oldest first, every
 * other one disagreeing), one flagged on B (Xuân Lộc, older still), and one item on A written past the intake,
 * which the queue never hears of. Codes are `RM<n>-001` and `RM<n>-002`.
 */
async function scenario() {
  made += 1;
  const period = String(2100 + made);
  const code = (n: number) => `RM${made}-00${n}`;
  await createPeriod({ code: period });
  const orgA = await createRatedOrganization({ code: code(1), name: `Chi bộ Khu phố 1 (${made})`, period, district: "Biên Hòa" });
  const orgB = await createRatedOrganization({ code: code(2), name: `Chi bộ Ấp 2 (${made})`, period, district: "Xuân Lộc" });
  const now = Date.now();
  for (let i = 0; i < 5; i++)
    await createPendingFeedback({
      ...orgA,
      period,
      district: "Biên Hòa",
      stance: i % 2 ? "disagree" : "agree",
      createdAt: new Date(now - (10 - i) * HOUR),
    });
  await createPendingFeedback({
    ...orgB,
    period,
    district: "Xuân Lộc",
    createdAt: new Date(now - 20 * HOUR),
    flags: [{ kind: "link", detail: "x.vn" }],
  });
  const body = `Ngoài hàng chờ ${randomBytes(3).toString("hex")}`;
  await Feedback.create({
    evaluation: orgA.evaluationId,
    organization: orgA.organizationId,
    period,
    district: "Biên Hòa",
    stance: "agree",
    body,
    publicBody: body,
    isResident: false,
    locale: "vi",
    trackingCode: randomBytes(5).toString("hex"),
    dedupeKey: randomBytes(8).toString("hex"),
  });
  return { period, orgA, orgB, codeA: code(1), codeB: code(2), outside: body };
}

/** Every page of the queue for `filters`, three at a time. */
async function wholeQueue(filters: QueueFilters) {
  const items = [];
  let cursor: string | undefined;
  do {
    const page = await listQueue({ filters, cursor, limit: 3 });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Every page of an organization's published comments, two at a time. */
async function wholeFeed(org: Org) {
  const items = [];
  let cursor: string | null = null;
  do {
    const page: Awaited<ReturnType<typeof listApprovedFeedback>> = await listApprovedFeedback({
      evaluationIds: [org.evaluationId],
      cursor,
      limit: 2,
    });
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

async function counters(org: Org) {
  return (await Evaluation.findById(org.evaluationId, { counters: 1 }).lean())!.counters;
}

describe("the pending queue and the published lists as read models", () => {
  it("lists pending items from the queue collection, filtered and paged by keyset", async () => {
    const { period, codeA, codeB, outside } = await scenario();
    const all = await wholeQueue({ status: "pending", period });
    expect(all).toHaveLength(6);
    expect(all.map((item) => item.createdAt)).toEqual([...all.map((item) => item.createdAt)].sort());
    // The item the queue never heard of (written past the intake) is not listed: pages read the queue, not feedback.
    expect(all.map((item) => item.body)).not.toContain(outside);
    expect(await QueueEntry.countDocuments({ period })).toBe(6);
    expect((await wholeQueue({ status: "pending", period, flagged: true })).map((item) => item.context?.orgCode)).toEqual([codeB]);
    expect(await wholeQueue({ status: "pending", period, district: "Biên Hòa", stance: "disagree" })).toHaveLength(2);
    expect(await wholeQueue({ status: "pending", organization: codeA })).toHaveLength(5);
  });

  it("an approval leaves the queue and shows first on the organization's list; a reversal hides it and counters follow", async () => {
    const { period, orgA, orgB, codeA } = await scenario();
    const [first, second] = await wholeQueue({ status: "pending", organization: codeA });
    await decideFeedback({ id: first!.id, decision: "approve", moderator, now: tick() });
    await decideFeedback({ id: second!.id, decision: "approve", moderator, now: tick() });
    expect(await QueueEntry.findById(second!.id).lean()).toBeNull();
    expect((await wholeQueue({ status: "pending", period })).map((item) => item.id)).not.toContain(second!.id);
    expect((await wholeFeed(orgA)).map((item) => item.id)).toEqual([second!.id, first!.id]);
    expect(await wholeFeed(orgB)).toEqual([]);
    // Decided items stay reachable in the staff views that read feedback.
    expect((await listQueue({ filters: { status: "approved", period }, limit: 10 })).items.map((item) => item.id)).toEqual([
      first!.id,
      second!.id,
    ]);

    const before = await counters(orgA);
    await reverseDecision({ id: second!.id, to: "rejected", reason: "off-topic", note: "lạc đề", admin, now: tick() });
    expect((await wholeFeed(orgA)).map((item) => item.id)).toEqual([first!.id]);
    expect(await counters(orgA)).toMatchObject({ [second!.stance]: before[second!.stance] - 1 });

    await reverseDecision({ id: second!.id, to: "approved", note: "đúng chủ đề", admin, now: tick() });
    expect((await wholeFeed(orgA)).map((item) => item.id)).toEqual([second!.id, first!.id]);
    expect(await counters(orgA)).toMatchObject({ [second!.stance]: before[second!.stance] });

    await redactFeedback({ id: first!.id, publicBody: "Nội dung đã được biên tập.", moderator });
    expect((await wholeFeed(orgA)).find((item) => item.id === first!.id)?.body).toBe("Nội dung đã được biên tập.");
  });

  it("racing approvals publish the item once", async () => {
    const { orgA, codeA } = await scenario();
    const [item] = await wholeQueue({ status: "pending", organization: codeA });
    const moderators = await Promise.all([1, 2, 3, 4].map(() => createStaff("moderator")));
    const results = await Promise.allSettled(
      moderators.map((m) => decideFeedback({ id: item!.id, decision: "approve", moderator: m, now: tick() })),
    );
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const feed = await wholeFeed(orgA);
    expect(feed[0]?.id).toBe(item!.id);
    expect(feed.filter((entry) => entry.id === item!.id)).toHaveLength(1);
  });

  it("a rebuild from the feedback collection gives the same queue and published lists as the incremental path", async () => {
    const { period, orgA, orgB, codeA } = await scenario();
    const [rejected, ...others] = await wholeQueue({ status: "pending", organization: codeA });
    await decideFeedback({ id: rejected!.id, decision: "reject", reason: "spam", moderator, now: tick() });
    for (const item of others.slice(0, 2)) await decideFeedback({ id: item.id, decision: "approve", moderator, now: tick() });
    const [flagged] = await wholeQueue({ status: "pending", period, flagged: true });
    await decideFeedback({ id: flagged!.id, decision: "approve", moderator, now: tick() });
    // Whole-database views: the rebuild rebuilds every organization's, whatever other tests left.
    const before = { queue: await wholeQueue({ status: "pending" }), a: await wholeFeed(orgA), b: await wholeFeed(orgB) };
    expect(before.a.length).toBeGreaterThan(1);
    expect(before.b).toHaveLength(1);

    const report = await rebuildFeedbackReadModels();

    // The item written past the intake is pending in feedback, so the rebuild queues it too.
    const after = await wholeQueue({ status: "pending" });
    const added = after.filter((item) => !before.queue.some((b) => b.id === item.id));
    expect(added.length).toBeGreaterThan(0);
    expect(added.filter((item) => !item.body.startsWith("Ngoài hàng chờ"))).toEqual([]);
    expect(added.filter((item) => item.context?.orgCode === codeA)).toHaveLength(1);
    expect(after.filter((item) => before.queue.some((b) => b.id === item.id))).toEqual(before.queue);
    expect(await wholeFeed(orgA)).toEqual(before.a);
    expect(await wholeFeed(orgB)).toEqual(before.b);
    const approved = await Feedback.find({ status: "approved" }, { organization: 1 }).lean();
    expect(report).toMatchObject({
      feedback: await Feedback.countDocuments({}),
      codes: await Feedback.countDocuments({}),
      queue: after.length,
      published: approved.length,
      organizations: new Set(approved.map((item) => String(item.organization))).size,
    });

    // The rebuilt models keep working incrementally.
    const next = after[0]!;
    await decideFeedback({ id: next.id, decision: "approve", moderator, now: tick() });
    const nextFeed = await listApprovedFeedback({ evaluationIds: [next.evaluation], cursor: null, limit: 1 });
    expect(nextFeed.items[0]?.id).toBe(next.id);
  });
});
