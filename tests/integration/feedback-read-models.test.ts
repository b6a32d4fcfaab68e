import { randomBytes } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { Evaluation } from "../../models/evaluation";
import { Feedback } from "../../models/feedback";
import { listApprovedFeedback } from "../../models/feedback-read";
import { decideFeedback, redactFeedback, reverseDecision } from "../../models/moderation";
import { listQueue, type QueueFilters } from "../../models/moderation-queue";
import { QueueEntry } from "../../models/queue-entry";
import { rebuildFeedbackReadModels } from "../../models/read-models";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const HOUR = 3_600_000;
type Org = { evaluationId: string; organizationId: string };
let orgA: Org;
let orgB: Org;
let moderator: Awaited<ReturnType<typeof createStaff>>;
let admin: Awaited<ReturnType<typeof createStaff>>;
/** Decisions get distinct, increasing times, as real ones do. */
let clock = Date.now();
const tick = () => new Date((clock += 1000));

beforeAll(async () => {
  await createPeriod();
  orgA = await createRatedOrganization({ code: "RM-001", name: "Chi bộ Khu phố 1", period: "2011", district: "Biên Hòa" });
  orgB = await createRatedOrganization({ code: "RM-002", name: "Chi bộ Ấp 2", period: "2011", district: "Xuân Lộc" });
  moderator = await createStaff("moderator");
  admin = await createStaff("admin");
});

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
    const page: Awaited<ReturnType<typeof listApprovedFeedback>> = await listApprovedFeedback({ evaluationIds: [org.evaluationId], cursor, limit: 2 });
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
    const now = Date.now();
    for (let i = 0; i < 5; i++) await createPendingFeedback({ ...orgA, district: "Biên Hòa", stance: i % 2 ? "disagree" : "agree", createdAt: new Date(now - (10 - i) * HOUR) });
    await createPendingFeedback({ ...orgB, district: "Xuân Lộc", createdAt: new Date(now - 20 * HOUR), flags: [{ kind: "link", detail: "x.vn" }] });
    // An item the queue never heard of (written past the intake) is not listed: pages read the queue, not feedback.
    const body = `Ngoài hàng chờ ${randomBytes(3).toString("hex")}`;
    await Feedback.create({ evaluation: orgA.evaluationId, organization: orgA.organizationId, period: "2011", district: "Biên Hòa", stance: "agree", body, publicBody: body, isResident: false, locale: "vi", trackingCode: randomBytes(5).toString("hex"), dedupeKey: randomBytes(8).toString("hex") });

    const all = await wholeQueue({ status: "pending" });
    expect(all).toHaveLength(6);
    expect(all.map((item) => item.createdAt)).toEqual([...all.map((item) => item.createdAt)].sort());
    expect(all.map((item) => item.body)).not.toContain(body);
    expect(await QueueEntry.countDocuments({})).toBe(6);
    expect((await wholeQueue({ status: "pending", flagged: true })).map((item) => item.context?.orgCode)).toEqual(["RM-002"]);
    expect(await wholeQueue({ status: "pending", district: "Biên Hòa", stance: "disagree" })).toHaveLength(2);
    expect(await wholeQueue({ status: "pending", organization: "RM-001" })).toHaveLength(5);
  });

  it("an approval leaves the queue and shows first on the organization's list; a reversal hides it and counters follow", async () => {
    const [first, second] = await wholeQueue({ status: "pending", organization: "RM-001" });
    await decideFeedback({ id: first!.id, decision: "approve", moderator, now: tick() });
    await decideFeedback({ id: second!.id, decision: "approve", moderator, now: tick() });
    expect(await QueueEntry.findById(second!.id).lean()).toBeNull();
    expect((await wholeQueue({ status: "pending" })).map((item) => item.id)).not.toContain(second!.id);
    expect((await wholeFeed(orgA)).map((item) => item.id)).toEqual([second!.id, first!.id]);
    expect(await wholeFeed(orgB)).toEqual([]);
    // Decided items stay reachable in the staff views that read feedback.
    expect((await listQueue({ filters: { status: "approved" }, limit: 10 })).items.map((item) => item.id)).toEqual([first!.id, second!.id]);

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
    const [item] = await wholeQueue({ status: "pending", organization: "RM-001" });
    const moderators = await Promise.all([1, 2, 3, 4].map(() => createStaff("moderator")));
    const results = await Promise.allSettled(moderators.map((m) => decideFeedback({ id: item!.id, decision: "approve", moderator: m, now: tick() })));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const feed = await wholeFeed(orgA);
    expect(feed[0]?.id).toBe(item!.id);
    expect(feed.filter((entry) => entry.id === item!.id)).toHaveLength(1);
  });

  it("a rebuild from the feedback collection gives the same queue and published lists as the incremental path", async () => {
    const [rejected] = await wholeQueue({ status: "pending", organization: "RM-001" });
    await decideFeedback({ id: rejected!.id, decision: "reject", reason: "spam", moderator, now: tick() });
    const [flagged] = await wholeQueue({ status: "pending", flagged: true });
    await decideFeedback({ id: flagged!.id, decision: "approve", moderator, now: tick() });
    const before = { queue: await wholeQueue({ status: "pending" }), a: await wholeFeed(orgA), b: await wholeFeed(orgB) };
    expect(before.a.length).toBeGreaterThan(1);
    expect(before.b).toHaveLength(1);

    const report = await rebuildFeedbackReadModels();

    // The item written past the intake is pending in feedback, so the rebuild queues it too.
    const after = await wholeQueue({ status: "pending" });
    expect(after.filter((item) => !before.queue.some((b) => b.id === item.id)).map((item) => item.body)).toEqual([expect.stringMatching(/^Ngoài hàng chờ/)]);
    expect(after.filter((item) => before.queue.some((b) => b.id === item.id))).toEqual(before.queue);
    expect(await wholeFeed(orgA)).toEqual(before.a);
    expect(await wholeFeed(orgB)).toEqual(before.b);
    expect(report).toMatchObject({ feedback: await Feedback.countDocuments({}), codes: await Feedback.countDocuments({}), queue: after.length, published: before.a.length + 1, organizations: 2 });

    // The rebuilt models keep working incrementally.
    const next = after[0]!;
    await decideFeedback({ id: next.id, decision: "approve", moderator, now: tick() });
    expect((await wholeFeed(next.context?.orgCode === "RM-002" ? orgB : orgA))[0]?.id).toBe(next.id);
  });
});
