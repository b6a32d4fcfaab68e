import { Types } from "mongoose";
import { serialised } from "../db/connection.server";
import { moveCounters } from "./counters.server";
import { hideFeedItem, publishFeedItem } from "./feed-bucket.server";
import { Feedback, type AwaitingReview, type FeedbackStatus } from "./feedback.server";
import { reachedFinalState } from "./final-state.server";
import { countedAs, FollowUpRefused, itemByCode, moveIfStatus, readItem, type FollowUpItem } from "./follow-up-state.server";
import { recordAudit } from "../moderation/audit.server";
import { claimQueueEntry, enqueueFollowUp, requeueFeedback, type FollowUpKind, type ReportSummary } from "../moderation/queue-entry.server";
import { forgetMemo } from "../summary/summary-cache";

const RESIDENT = { email: "resident" };

/** What readers' reports add up to since a moderator last kept the comment. */
export function openReports(item: Pick<FollowUpItem, "reports">): ReportSummary {
  const reasons = { ...item.reports?.reasons };
  return { count: (item.reports?.count ?? 0) - (item.reports?.reviewed ?? 0), reasons };
}

/** A resident's step on their own comment, named by its tracking code. */
interface ResidentStep {
  trackingCode: string;
  now?: Date;
}

/** The comment a tracking code names; an unknown code is refused as not_found. */
async function residentItem(trackingCode: string): Promise<FollowUpItem> {
  const item = await itemByCode(trackingCode);
  if (!item) throw new FollowUpRefused("not_found", 404);
  return item;
}

/** The audit event of a follow-up step: the comment's status before and after it, and the readers' reports it weighed. */
function auditStep({
  id,
  from,
  to,
  reports,
  ...event
}: {
  actor: { id?: string; email: string };
  action: string;
  id: string;
  from: FeedbackStatus;
  to: FeedbackStatus;
  note?: string;
  reports?: ReportSummary;
}): Promise<void> {
  const before = { status: from, ...(reports ? { reports } : {}) };
  return recordAudit({ ...event, targetType: "feedback", targetId: id, before, after: { status: to } });
}

/**
 * The author withdraws a pending comment. Its queue entry is claimed with the same `deleteOne({_id})` a
 * moderator's decision uses, so exactly one of "withdraw" and "decide" wins; the loser is told it was decided.
 */
export async function withdrawFeedback({ trackingCode, now = new Date() }: ResidentStep): Promise<{ status: "withdrawn" }> {
  const item = await residentItem(trackingCode);
  if (item.status === "withdrawn") throw new FollowUpRefused("already_withdrawn", 409);
  if (item.status !== "pending") throw new FollowUpRefused("not_pending", 409);
  const id = String(item._id);
  if (!(await claimQueueEntry(id))) throw new FollowUpRefused("already_decided", 409);
  try {
    await serialised(Feedback, id, () => Feedback.updateOne({ _id: id }, { $set: { status: "withdrawn", followUpAt: now } }));
  } catch (error) {
    await requeueFeedback(item);
    throw error;
  }
  await moveCounters(String(item.evaluation), countedAs(item, "pending"), countedAs(item, "withdrawn"));
  forgetMemo();
  await auditStep({ actor: RESIDENT, action: "feedback.withdraw", id, from: "pending", to: "withdrawn" });
  await reachedFinalState({ feedbackId: id, status: "withdrawn" });
  return { status: "withdrawn" };
}

const KIND_OF: Record<AwaitingReview, FollowUpKind> = { "removal-requested": "removal", "under-review": "reports" };
const REMOVED_AS: Record<AwaitingReview, FeedbackStatus> = {
  "removal-requested": "removed-on-request",
  "under-review": "removed-after-reports",
};

/**
 * Takes a published comment off the public list and back to the queue, awaiting a moderator: `to` is
 * removal-requested (its author asked) or under-review (readers' reports reached the threshold). Exactly one
 * caller moves it out of "approved"; the others get null.
 */
export async function hideForReview({
  item,
  to,
  now,
}: {
  item: FollowUpItem;
  to: AwaitingReview;
  now: Date;
}): Promise<FollowUpItem | null> {
  const id = String(item._id);
  const entryId = new Types.ObjectId();
  const before = await moveIfStatus({
    id,
    from: "approved",
    update: { $set: { status: to, followUp: { entry: entryId }, followUpAt: now } },
  });
  if (!before) return null;
  const kind = KIND_OF[to];
  try {
    await enqueueFollowUp({ doc: before, entryId, kind, reports: kind === "reports" ? openReports(before) : undefined, now });
  } catch (error) {
    await moveIfStatus({ id, from: to, update: { $set: { status: "approved" }, $unset: { followUp: 1 } } });
    throw error;
  }
  await Promise.all([
    moveCounters(String(before.evaluation), countedAs(before, "approved"), countedAs(before, to)),
    hideFeedItem({ organizationId: String(before.organization), feedbackId: id }),
  ]);
  forgetMemo();
  return before;
}

/** The author of a published comment asks for its removal: hidden at once, back in the queue marked as such. */
export async function requestRemoval({ trackingCode, now = new Date() }: ResidentStep): Promise<{ status: "removal-requested" }> {
  const item = await residentItem(trackingCode);
  if (item.status === "under-review") throw new FollowUpRefused("under_review", 409);
  if (item.status !== "approved") throw new FollowUpRefused("not_published", 409);
  const moved = await hideForReview({ item, to: "removal-requested", now });
  if (!moved) throw new FollowUpRefused("not_published", 409);
  await auditStep({ actor: RESIDENT, action: "feedback.removal-request", id: String(item._id), from: "approved", to: "removal-requested" });
  return { status: "removal-requested" };
}

interface FollowUpModerator {
  id: string;
  email: string;
}

/**
 * A moderator keeps (publishes again) or removes a comment awaiting review. The entry named on the item is
 * claimed by `deleteOne({_id})`, so of racing moderators exactly one decides; the others get already_decided.
 */
export async function resolveFollowUp(input: {
  id: string;
  decision: "keep" | "remove";
  note?: string;
  moderator: FollowUpModerator;
  now?: Date;
}): Promise<{ id: string; status: FeedbackStatus }> {
  const now = input.now ?? new Date();
  const item = await readItem(input.id);
  if (!item) throw new FollowUpRefused("not_found", 404);
  const from = item.status as AwaitingReview;
  const entry = item.followUp?.entry;
  if (!(from in KIND_OF) || !entry || !(await claimQueueEntry(String(entry)))) throw new FollowUpRefused("already_decided", 409);
  const to: FeedbackStatus = input.decision === "keep" ? "approved" : REMOVED_AS[from];
  // Kept: the reports seen so far are reviewed, so only new ones can bring it back.
  const reviewed = input.decision === "keep" && item.reports ? { "reports.reviewed": item.reports.count ?? 0 } : {};
  try {
    await serialised(Feedback, input.id, () =>
      Feedback.updateOne({ _id: input.id }, { $set: { status: to, followUpAt: now, ...reviewed }, $unset: { followUp: 1 } }),
    );
  } catch (error) {
    await enqueueFollowUp({
      doc: item,
      entryId: entry,
      kind: KIND_OF[from],
      reports: from === "under-review" ? openReports(item) : undefined,
      now,
    });
    throw error;
  }
  await Promise.all([
    moveCounters(String(item.evaluation), countedAs(item, from), countedAs(item, to)),
    to === "approved" ? publishFeedItem({ organizationId: String(item.organization), source: item, now }) : undefined,
  ]);
  forgetMemo();
  const reports = from === "under-review" ? openReports(item) : undefined;
  await auditStep({ actor: input.moderator, action: `feedback.${input.decision}`, id: input.id, from, to, note: input.note, reports });
  if (to !== "approved") await reachedFinalState({ feedbackId: input.id, status: to });
  return { id: input.id, status: to };
}
