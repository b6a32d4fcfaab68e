import { beforeAll, describe, expect, it } from "vitest";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { getFeedbackTracking } from "../../models/feedback/feedback-read.server";
import { Organization } from "../../models/catalog/organization.server";
import { Period } from "../../models/catalog/period.server";
import { recountCounters } from "../../models/summary/recount.server";
import { normalizeTrackingCode } from "../../models/lib/tracking-code.server";
import { User } from "../../models/accounts/user.server";
import { ReviewCase } from "../../models/review/review-case.server";
import { Reply } from "../../models/replies/reply.server";
import { publicReplies, replyVersions } from "../../models/replies/replies.server";
import { DatabaseNotEmpty, seedDemo, seedIfEmpty, type SeedProgress, type SeedResult } from "../../models/demo/demo";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const quiet = () => undefined;
let first: SeedResult;
const steps: SeedProgress[] = [];

beforeAll(async () => {
  first = await seedDemo({ log: quiet, progress: (p) => steps.push(p) });
}, 120_000);

async function countBy(field: string, match: Record<string, unknown>): Promise<Record<string, number>> {
  const rows = await Evaluation.aggregate<{ _id: string; n: number }>([
    { $match: match },
    { $group: { _id: `$${field}`, n: { $sum: 1 } } },
  ]);
  return Object.fromEntries(rows.map((row) => [row._id, row.n]));
}

describe("demo data", () => {
  it("writes 920 organizations over Đồng Nai's districts and two periods, with progress to 100%", async () => {
    expect(first).toMatchObject({ periods: 2, organizations: 920, evaluations: 1840 });
    expect(await Organization.countDocuments({})).toBe(920);
    expect(Object.keys(await countBy("district", { period: "2011" })).sort()).toHaveLength(11);
    expect(steps.at(-1)).toMatchObject({ stage: "feedback", done: steps.at(-1)!.total });
    const periods = await Period.find({}, { code: 1, status: 1, commentsOpenAt: 1, commentsCloseAt: 1 }).sort({ code: 1, _id: 1 }).lean();
    expect(periods.map((p) => [p.code, p.status])).toEqual([
      ["2011", "open"],
      ["2012", "closed"],
    ]);
    const now = Date.now();
    expect(periods[0]!.commentsOpenAt.getTime()).toBeLessThan(now);
    expect(periods[0]!.commentsCloseAt.getTime() - now).toBeGreaterThan(89 * 86_400_000);
    expect(periods[1]!.commentsCloseAt.getTime()).toBeLessThan(now);
  });

  it("rates 2011 as the story does: 192 exemplary, 536 TSVM, 6 weak, the rest completed", async () => {
    const ratings = await countBy("rating", { period: "2011" });
    expect(ratings).toMatchObject({ "tsvm-tieu-bieu": 192, tsvm: 536, "yeu-kem": 6 });
    expect(ratings["hoan-thanh-tot"]! + ratings["hoan-thanh"]!).toBe(920 - 192 - 536 - 6);
    expect(Object.keys(ratings)).toHaveLength(5);
  });

  it("counts about 51,000 members in 2011, 88.99% of them in the top two categories", async () => {
    const rows = await Evaluation.aggregate<{ _id: string; n: number }>([
      { $match: { period: "2011" } },
      { $unwind: "$memberCounts" },
      { $group: { _id: "$memberCounts.key", n: { $sum: "$memberCounts.count" } } },
    ]);
    const byKey = Object.fromEntries(rows.map((row) => [row._id, row.n]));
    const total = Object.values(byKey).reduce((sum, n) => sum + n, 0);
    const [sum] = await Evaluation.aggregate<{ members: number }>([
      { $match: { period: "2011" } },
      { $group: { _id: null, members: { $sum: "$members" } } },
    ]);
    expect(total).toBe(sum?.members);
    expect(total).toBeGreaterThanOrEqual(50_500);
    expect(total).toBeLessThanOrEqual(51_500);
    expect((((byKey["xuat-sac"]! + byKey.tot!) / total) * 100).toFixed(2)).toBe("88.99");
  });

  it("moves about a tenth of the ratings in 2012 and closes its comments", async () => {
    const evaluations = await Evaluation.find({}, { orgCode: 1, period: 1, rating: 1 }).lean();
    const in2011 = new Map(evaluations.filter((e) => e.period === "2011").map((e) => [e.orgCode, e.rating]));
    const moved = evaluations.filter((e) => e.period === "2012" && in2011.get(e.orgCode) !== e.rating).length;
    expect(moved).toBeGreaterThan(60);
    expect(moved).toBeLessThan(130);
    expect(await Feedback.countDocuments({ period: "2012", status: "pending" })).toBe(0);
  });

  it("has thousands of feedback items in every state, mostly approved and agreeing", async () => {
    const statuses = Object.fromEntries(
      (
        await Feedback.aggregate<{ _id: string; n: number }>([
          { $match: { period: "2011" } },
          { $group: { _id: "$status", n: { $sum: 1 } } },
        ])
      ).map((r) => [r._id, r.n]),
    );
    const total = statuses.approved! + statuses.pending! + statuses.rejected!;
    expect(total).toBeGreaterThanOrEqual(3000);
    expect(total).toBeLessThanOrEqual(4000);
    expect(statuses.approved! / total).toBeGreaterThan(0.6);
    expect(statuses.pending! / total).toBeGreaterThan(0.1);
    expect(statuses.rejected! / total).toBeGreaterThan(0.05);
    const agree = await Feedback.countDocuments({ period: "2011", status: "approved", stance: "agree" });
    expect(agree / statuses.approved!).toBeGreaterThan(0.6);
    expect(await Feedback.countDocuments({ status: "rejected", "moderation.reason": { $exists: false } })).toBe(0);
  });

  it("stores counters on every evaluation equal to a recount of its feedback", async () => {
    const report = await recountCounters({ dryRun: true });
    expect(report).toMatchObject({ checked: 1840, drifts: [] });
    // Totals by a rule of their own (no contribution()): each stance's counter sums to the approved items
    // of that stance, pending to the pending items, rejections to the rejected ones.
    const docs = await Evaluation.find({}, { counters: 1, rejected: 1 }).lean<
      { counters: Record<string, number>; rejected?: Record<string, number> }[]
    >();
    const total = (read: (doc: (typeof docs)[number]) => number) => docs.reduce((sum, doc) => sum + read(doc), 0);
    const count = (filter: Record<string, unknown>) => Feedback.countDocuments(filter);
    const totals = Object.fromEntries(
      ["agree", "disagree", "neutral", "pending"].map((key) => [key, total((doc) => doc.counters[key] ?? 0)]),
    );
    expect(totals).toEqual({
      agree: await count({ status: "approved", stance: "agree" }),
      disagree: await count({ status: "approved", stance: "disagree" }),
      neutral: await count({ status: "approved", stance: "neutral" }),
      pending: await count({ status: "pending" }),
    });
    expect(totals.agree).toBeGreaterThan(0);
    const rejected = total((doc) => Object.values(doc.rejected ?? {}).reduce((sum, n) => sum + n, 0));
    expect(rejected).toBe(await count({ status: "rejected" }));
  });

  it("opens re-review cases on 2011's thresholds, one rating changed and one kept, without moving the story's figures", async () => {
    const cases = await ReviewCase.find({ period: "2011" }, { orgCode: 1, status: 1, outcome: 1 }).sort({ orgCode: 1, _id: 1 }).lean();
    expect(cases.map((c) => [c.orgCode, c.status])).toEqual([
      ["BH-086", "open"],
      ["TB-009", "open"],
      ["TB-050", "decided"],
      ["TN-009", "open"],
      ["VC-028", "open"],
      ["XL-018", "decided"],
    ]);
    expect(cases.find((c) => c.orgCode === "TB-050")?.outcome).toMatchObject({
      decision: "changed",
      from: "hoan-thanh-tot",
      to: "hoan-thanh",
    });
    expect(cases.find((c) => c.orgCode === "XL-018")?.outcome).toMatchObject({ decision: "kept", from: "yeu-kem", to: "yeu-kem" });
    const revised = await Evaluation.findOne({ period: "2011", orgCode: "TB-050" }, { rating: 1, ratingHistory: 1 }).lean();
    expect(revised).toMatchObject({ rating: "hoan-thanh", ratingHistory: [{ from: "hoan-thanh-tot", to: "hoan-thanh" }] });
  });

  it("has a few official replies on 2011's evaluations, one edited and one hidden by moderators", async () => {
    const replies = await Reply.find({}, { organization: 1, version: 1, hidden: 1 }).sort({ organization: 1, _id: 1 }).lean();
    expect(replies.map((reply) => [reply.organization, reply.version, reply.hidden?.reason ?? null])).toEqual([
      ["BH-001", 1, null],
      ["BH-086", 1, null],
      ["VC-028", 1, "off-topic"],
      ["XL-018", 2, null],
    ]);
    const ids = replies.map((reply) => String(reply._id));
    const shown = await publicReplies({ evaluationIds: ids });
    expect(Object.values(shown.replies).filter(Boolean)).toHaveLength(3);
    expect(Object.values(shown.hidden)).toEqual([{ "off-topic": 1 }]);
    const edited = replies.find((reply) => reply.organization === "XL-018")!;
    expect(await replyVersions({ evaluationId: String(edited._id) })).toMatchObject([
      { version: 1, body: "Chi bộ ghi nhận ý kiến của nhân dân." },
    ]);
  });

  it("gives every item a unique, readable tracking code that the tracking page finds", async () => {
    const codes = await Feedback.find({}, { trackingCode: 1 }).lean();
    expect(codes.length).toBe(first.feedback);
    expect(new Set(codes.map((c) => c.trackingCode)).size).toBe(codes.length);
    expect(codes.every((c) => normalizeTrackingCode(c.trackingCode) === c.trackingCode)).toBe(true);
    const links = await FeedbackCode.find({}, { feedback: 1 }).lean();
    expect(new Map(links.map((link) => [link._id, String(link.feedback)]))).toEqual(
      new Map(codes.map((c) => [c.trackingCode, String(c._id)])),
    );
    const last = codes[codes.length - 1]!;
    expect((await getFeedbackTracking({ trackingCode: last.trackingCode }))?.trackingCode).toBe(last.trackingCode);
  });

  it("refuses a second run without force, and leaves the data alone", async () => {
    await expect(seedDemo({ log: quiet })).rejects.toBeInstanceOf(DatabaseNotEmpty);
    await seedIfEmpty({ log: quiet });
    expect(await Organization.countDocuments({})).toBe(920);
    expect(await Feedback.countDocuments({})).toBe(first.feedback);
  });

  it("replaces the catalog with force but keeps users", async () => {
    await User.create({ email: "keep@example.com", role: "admin" });
    const names = (await Organization.find({}, { code: 1, name: 1 }).sort({ code: 1, _id: 1 }).lean()).map((o) => `${o.code} ${o.name}`);
    const again = await seedDemo({ force: true, log: quiet });
    expect(again).toMatchObject({ organizations: 920, feedback: first.feedback });
    expect(await Organization.countDocuments({})).toBe(920);
    expect(await Feedback.countDocuments({})).toBe(first.feedback);
    expect(await User.countDocuments({ email: "keep@example.com" })).toBe(1);
    expect((await Organization.find({}, { code: 1, name: 1 }).sort({ code: 1, _id: 1 }).lean()).map((o) => `${o.code} ${o.name}`)).toEqual(
      names,
    );
  });
});
