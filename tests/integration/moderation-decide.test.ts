import { beforeAll, describe, expect, it } from "vitest";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { createFeedback } from "../../models/feedback/feedback-intake.server";
import { getEvaluationTarget } from "../../models/catalog/evaluation-target.server";
import { AlreadyDecided, decideFeedback, NotAllowed, redactFeedback, reverseDecision } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

beforeAll(async () => {
  await createPeriod();
});

async function counters(evaluationId: string) {
  const doc = await Evaluation.findById(evaluationId, { counters: 1, rejected: 1 }).lean();
  return { ...doc!.counters, rejected: Object.fromEntries(Object.entries(doc!.rejected ?? {})) };
}

describe("exactly-once decisions", () => {
  it("lets one of four racing approvals win; counters move by exactly one", async () => {
    const org = await createRatedOrganization({ code: "DN-0001", name: "Chi bộ Khu phố 1", period: "2011" });
    const item = await createPendingFeedback({ ...org, stance: "agree" });
    const moderators = await Promise.all([1, 2, 3, 4].map(() => createStaff("moderator")));
    const before = await counters(org.evaluationId);

    const results = await Promise.allSettled(moderators.map((m) => decideFeedback({ id: item.id, decision: "approve", moderator: m })));

    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const losers = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(losers).toHaveLength(3);
    for (const loser of losers) expect(loser.reason).toBeInstanceOf(AlreadyDecided);
    const after = await counters(org.evaluationId);
    expect(after.agree).toBe(before.agree + 1);
    expect(after.pending).toBe(before.pending - 1);
    expect(await AuditEvent.countDocuments({ action: "feedback.approve", targetId: item.id })).toBe(1);
  });

  it("rejects with a reason, counts it per reason, and lets only an admin reverse it", async () => {
    const org = await createRatedOrganization({ code: "DN-0002", name: "Chi bộ Ấp 2", period: "2011" });
    const item = await createPendingFeedback({ ...org, stance: "disagree" });
    const moderator = await createStaff("moderator");
    const admin = await createStaff("admin");

    const state = await decideFeedback({ id: item.id, decision: "reject", reason: "spam", note: "quảng cáo", moderator });
    expect(state).toMatchObject({ status: "rejected", reason: "spam" });
    expect(await counters(org.evaluationId)).toMatchObject({ pending: 0, disagree: 0, rejected: { spam: 1 } });

    await expect(reverseDecision({ id: item.id, to: "approved", note: "nhầm", admin: moderator })).rejects.toBeInstanceOf(NotAllowed);
    await reverseDecision({ id: item.id, to: "approved", note: "Ý kiến hợp lệ, duyệt nhầm", admin });
    expect(await counters(org.evaluationId)).toMatchObject({ pending: 0, disagree: 1, rejected: { spam: 0 } });
    await expect(reverseDecision({ id: item.id, to: "approved", note: "lần nữa", admin })).rejects.toBeInstanceOf(AlreadyDecided);

    const reversal = await AuditEvent.findOne(
      { action: "feedback.reverse", targetId: item.id },
      { before: 1, after: 1, actorEmail: 1 },
    ).lean();
    expect(reversal).toMatchObject({
      actorEmail: admin.email,
      before: { status: "rejected", reason: "spam" },
      after: { status: "approved" },
    });
  });

  it("redacts the published text, keeps the original and audits both versions", async () => {
    const org = await createRatedOrganization({ code: "DN-0003", name: "Đảng bộ xã 3", period: "2011" });
    // Through the real intake, which already masks the phone number in the public text.
    const target = (await getEvaluationTarget({ evaluationId: org.evaluationId }))!;
    const original = "Gọi anh Ba Tùng số 0901 234 567 để biết thêm.";
    const { trackingCode } = await createFeedback({ target, stance: "agree", body: original, isResident: true, locale: "vi" });
    const item = (await Feedback.findOne({ trackingCode }, { publicBody: 1 }).lean())!;
    expect(item.publicBody).toBe("Gọi anh Ba Tùng số ••• để biết thêm.");

    const moderator = await createStaff("moderator");
    await redactFeedback({ id: String(item._id), publicBody: "Gọi [đã ẩn] số ••• để biết thêm.", moderator });
    const doc = await Feedback.findById(item._id, { body: 1, publicBody: 1 }).lean();
    expect(doc).toMatchObject({ body: original, publicBody: "Gọi [đã ẩn] số ••• để biết thêm." });
    const event = await AuditEvent.findOne(
      { action: "feedback.redact", targetId: String(item._id) },
      { before: 1, after: 1, actorEmail: 1 },
    ).lean();
    expect(event).toMatchObject({
      actorEmail: moderator.email,
      before: { publicBody: "Gọi anh Ba Tùng số ••• để biết thêm." },
      after: { publicBody: "Gọi [đã ẩn] số ••• để biết thêm." },
    });
  });

  it("masks personal data a moderator's redaction would publish, and audits what was typed", async () => {
    const org = await createRatedOrganization({ code: "DN-0004", name: "Đảng bộ xã 4", period: "2011" });
    const item = await createPendingFeedback({ ...org, body: "Chi bộ làm tốt." });
    const moderator = await createStaff("moderator");
    const typed = "Chi bộ làm tốt, liên hệ 0912 345 678 hoặc ba@example.vn.";
    await redactFeedback({ id: item.id, publicBody: typed, moderator });
    expect((await Feedback.findById(item.id, { publicBody: 1 }).lean())?.publicBody).toBe("Chi bộ làm tốt, liên hệ ••• hoặc •••.");
    const event = await AuditEvent.findOne({ action: "feedback.redact", targetId: item.id }, { after: 1 }).lean();
    expect(event?.after).toMatchObject({ publicBody: "Chi bộ làm tốt, liên hệ ••• hoặc •••.", typed });
  });
});
