import { randomBytes } from "node:crypto";
import { moveCounters, type CountedState } from "../../models/counters";
import { Feedback, type RejectReason, type Stance } from "../../models/feedback";
import { enqueueFeedback } from "../../models/queue-entry";

export interface FeedbackHandle {
  id: string;
  evaluationId: string;
  state: CountedState;
}

/** A feedback item stored as the feedback form stores it (pending, counted as pending). */
export async function submitFeedback(
  target: { evaluationId: string; organizationId: string; period: string; district?: string },
  stance: Stance,
  extra: { isResident?: boolean; proposedRating?: string } = {},
): Promise<FeedbackHandle> {
  const body = `Ý kiến ${stance} ${randomBytes(6).toString("hex")}`;
  const doc = await Feedback.create({
    evaluation: target.evaluationId,
    organization: target.organizationId,
    period: target.period,
    district: target.district ?? "Biên Hòa",
    stance,
    proposedRating: extra.proposedRating,
    body,
    publicBody: body,
    isResident: extra.isResident ?? false,
    locale: "vi",
    trackingCode: randomBytes(8).toString("hex"),
    dedupeKey: randomBytes(16).toString("hex"),
  });
  await enqueueFeedback(doc);
  const state: CountedState = { status: "pending", stance, isResident: extra.isResident ?? false, proposedRating: extra.proposedRating ?? null };
  await moveCounters(target.evaluationId, null, state);
  return { id: String(doc._id), evaluationId: target.evaluationId, state };
}

/** A moderation decision as the moderation service makes it: the item's status, then its counters. */
export async function decide(item: FeedbackHandle, status: "approved" | "rejected" | "pending", reason?: RejectReason): Promise<FeedbackHandle> {
  const after: CountedState = { ...item.state, status, rejectReason: status === "rejected" ? (reason ?? "other") : null };
  await Feedback.updateOne({ _id: item.id }, status === "rejected" ? { $set: { status, "moderation.reason": after.rejectReason } } : { $set: { status }, $unset: { moderation: 1 } });
  await moveCounters(item.evaluationId, item.state, after);
  return { ...item, state: after };
}
