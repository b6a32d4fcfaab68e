import { randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { getEvaluationTarget } from "../../models/catalog/evaluation-target.server";
import type { RejectReason, Stance } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { createFeedback } from "../../models/feedback/feedback-intake.server";
import { decideFeedback, type Moderator } from "../../models/moderation/moderation.server";

export interface FeedbackHandle {
  id: string;
  evaluationId: string;
}

/** The moderator these helpers decide as; decisions are audited under this id. */
const MODERATOR: Moderator = { id: new Types.ObjectId().toString(), email: "summary-tests@example.vn", role: "moderator" };

/**
 * A feedback item sent through the real intake (`createFeedback`), as the form and the API send it.
 * The item's district and period are the evaluation's; any other fields of `target` are ignored.
 */
export async function submitFeedback(
  target: { evaluationId: string; organizationId?: string; period?: string; district?: string },
  stance: Stance,
  extra: { isResident?: boolean; proposedRating?: string } = {},
): Promise<FeedbackHandle> {
  const evaluation = await getEvaluationTarget({ evaluationId: target.evaluationId });
  if (!evaluation) throw new Error(`no evaluation ${target.evaluationId}`);
  const body = `Ý kiến ${stance} ${randomBytes(6).toString("hex")}`;
  const { trackingCode } = await createFeedback({
    target: evaluation,
    stance,
    proposedRating: extra.proposedRating,
    body,
    isResident: extra.isResident ?? false,
    locale: "vi",
  });
  const link = await FeedbackCode.findById(trackingCode, { feedback: 1 }).lean();
  return { id: String(link!.feedback), evaluationId: target.evaluationId };
}

/** A moderator's decision through the real `decideFeedback`. */
export async function decide(item: FeedbackHandle, status: "approved" | "rejected", reason?: RejectReason): Promise<FeedbackHandle> {
  await decideFeedback({
    id: item.id,
    decision: status === "approved" ? "approve" : "reject",
    reason: status === "rejected" ? (reason ?? "other") : undefined,
    moderator: MODERATOR,
  });
  return item;
}
