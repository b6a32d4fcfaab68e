import { createHash } from "node:crypto";
import { Schema } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { Evaluation } from "../catalog/evaluation.server";
import { Feedback, type ReportReason, type Stance } from "./feedback.server";
import { maskPersonalData } from "./feedback-flags";
import { FollowUpRefused, readItem, type FollowUpItem } from "./follow-up-state.server";
import { hideForReview, openReports } from "./follow-up.server";
import { reportThreshold } from "./report-settings.server";

/**
 * One reader's report of one published comment. `_id` is derived from the comment and the reader's keyed
 * address hash, so a second report from the same address is a duplicate key on insert (no query); the raw
 * address is never known here. Only ever written or read by `_id`: the counts live on the comment.
 */
const ReportSchema = new Schema(
  {
    _id: { type: String, required: true },
    feedback: { type: Schema.Types.ObjectId, required: true },
    reason: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
export const Report = defineModel("Report", ReportSchema, "reports");

/** The report's `_id`: the comment id and a hash of the client key (itself a keyed hash of the address). */
function reportId({ feedbackId, clientKey }: { feedbackId: string; clientKey: string }): string {
  return `${feedbackId}:${createHash("sha256").update(clientKey).digest("base64url").slice(0, 22)}`;
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** Raises the comment's report tally by one (serialised per item on FerretDB, atomic $inc on MongoDB); the item after. */
async function countReport(id: string, reason: ReportReason): Promise<FollowUpItem | null> {
  const inc = { "reports.count": 1, [`reports.reasons.${reason}`]: 1 };
  await serialised(Feedback, id, () => Feedback.updateOne({ _id: id }, { $inc: inc }));
  return readItem(id);
}

/**
 * A reader reports a published comment: one report per address per comment. When the reports not yet seen
 * by a moderator reach the admins' threshold, the comment is hidden and goes back to the queue with them.
 */
export async function reportFeedback({
  feedbackId,
  clientKey,
  reason,
  now = new Date(),
}: {
  feedbackId: string;
  clientKey: string;
  reason: ReportReason;
  now?: Date;
}): Promise<{ hidden: boolean }> {
  const item = await readItem(feedbackId);
  if (!item || item.status !== "approved") throw new FollowUpRefused("not_found", 404);
  const _id = reportId({ feedbackId, clientKey });
  try {
    await Report.create({ _id, feedback: item._id, reason, createdAt: now });
  } catch (error) {
    if (isDuplicateKey(error)) throw new FollowUpRefused("already_reported", 409);
    throw error;
  }
  let after: FollowUpItem | null;
  try {
    after = await countReport(feedbackId, reason);
  } catch (error) {
    // Not counted, so not kept: the reader may try again.
    await Report.deleteOne({ _id }).catch(() => undefined);
    throw error;
  }
  if (!after || after.status !== "approved" || openReports(after).count < (await reportThreshold())) return { hidden: false };
  return { hidden: (await hideForReview({ item: after, to: "under-review", now })) !== null };
}

/** A published comment as the report page shows it: the public text, a masked name, where it was posted. */
export interface Reportable {
  id: string;
  stance: Stance;
  body: string;
  displayName: string | null;
  createdAt: string;
  organization: { code: string; name: string };
}

/** The comment a reader may report (one read by `_id`, and its evaluation by `_id`); null unless published. */
export async function readReportable({ feedbackId }: { feedbackId: string }): Promise<Reportable | null> {
  const item = await readItem(feedbackId);
  if (!item || item.status !== "approved") return null;
  const evaluation = await Evaluation.findById(item.evaluation, { orgCode: 1, orgName: 1 }).lean();
  return {
    id: String(item._id),
    stance: item.stance,
    body: item.publicBody,
    displayName: item.displayName ? maskPersonalData(item.displayName) : null,
    createdAt: item.createdAt.toISOString(),
    organization: { code: evaluation?.orgCode ?? "", name: evaluation?.orgName ?? "" },
  };
}
