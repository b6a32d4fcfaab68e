import { isValidObjectId, type Types } from "mongoose";
import { recordAudit } from "./audit.server";
import { isFerretDB, serialised } from "../db/connection.server";
import { moveCounters, type CountedState } from "../feedback/counters.server";
import { hideFeedItem, publishFeedItem, redactFeedItem } from "../feedback/feed-bucket.server";
import {
  Feedback,
  FEEDBACK_FOR_CHANGE_FIELDS,
  type FeedbackForChange,
  type FeedbackStatus,
  type RejectReason,
  type Stance,
} from "../feedback/feedback.server";
import { claimQueueEntry, QueueEntry, requeueFeedback } from "./queue-entry.server";
import { forgetMemo } from "../summary/summary-cache";
import { checkReviewAfterApproval } from "../review/review-open.server";
import { maskPersonalData } from "../feedback/feedback-flags";
import { cleanText } from "../lib/text";
import { notifyDecision } from "../feedback/decision-mail.server";
import type { Role } from "../accounts/user.server";

export interface Moderator {
  id: string;
  email: string;
  role: Role;
}

/** Someone else decided the item first (or it is no longer in the state the caller saw). */
export class AlreadyDecided extends Error {
  readonly code = "already_decided";
  constructor() {
    super("already decided");
  }
}
export class FeedbackNotFound extends Error {
  readonly code = "not_found";
  constructor() {
    super("feedback not found");
  }
}
export class NotAllowed extends Error {
  readonly code = "forbidden";
  constructor() {
    super("only an admin may reverse a decision");
  }
}

export interface DecisionState {
  id: string;
  trackingCode: string;
  evaluation: string;
  stance: Stance;
  status: FeedbackStatus;
  reason: RejectReason | null;
  note: string | null;
  decidedAt: string;
}

type FeedbackBefore = FeedbackForChange;

/** Everything a decision needs to move counters, publish, or put the item back in the queue. */
const BEFORE_FIELDS = FEEDBACK_FOR_CHANGE_FIELDS;

function counted(doc: FeedbackBefore, status: FeedbackStatus, reason: RejectReason | null | undefined): CountedState {
  return { status, stance: doc.stance, isResident: doc.isResident, proposedRating: doc.proposedRating, rejectReason: reason };
}

interface Transition {
  id: string;
  from: FeedbackStatus;
  to: FeedbackStatus;
  reason?: RejectReason;
  note?: string;
  actor: Moderator;
  now: Date;
}

function decisionSet(t: Transition) {
  const reason = t.to === "rejected" ? t.reason : undefined;
  return {
    status: t.to,
    moderation: { decidedBy: t.actor.id, decidedAt: t.now, ...(reason ? { reason } : {}), ...(t.note ? { note: t.note } : {}) },
  };
}

function readItem(id: string): Promise<FeedbackBefore | null> {
  return Feedback.findById(id, BEFORE_FIELDS).lean<FeedbackBefore>().exec();
}

/**
 * A pending item is claimed by deleting its queue entry: of several racing moderators exactly one deletes it,
 * the others get AlreadyDecided. Only then is the item written (by `_id`); if that write fails the entry
 * goes back, so nothing is lost.
 */
async function decidePending(t: Transition): Promise<FeedbackBefore> {
  if (!isValidObjectId(t.id)) throw new FeedbackNotFound();
  // Both by _id and independent: a claimed entry whose item is gone or decided was stale anyway.
  const [before, claimed] = await Promise.all([readItem(t.id), claimQueueEntry(t.id)]);
  if (!before) throw new FeedbackNotFound();
  if (before.status !== "pending" || !claimed) throw new AlreadyDecided();
  try {
    await serialised(Feedback, t.id, () => Feedback.updateOne({ _id: t.id }, { $set: decisionSet(t) }));
  } catch (error) {
    await requeueFeedback(before);
    throw error;
  }
  return before;
}

/**
 * Moves a decided item from `from` to `to` if it is still in `from`. MongoDB does it in one conditional
 * findOneAndUpdate; FerretDB reads every row for any filter but `{_id}`, so there the one app process reads
 * and writes by `_id` under a per-item lock.
 */
async function reverseDecided(t: Transition): Promise<FeedbackBefore> {
  if (!isValidObjectId(t.id)) throw new FeedbackNotFound();
  const before = isFerretDB()
    ? await serialised(Feedback, t.id, async () => {
        const found = await Feedback.findById(t.id, BEFORE_FIELDS).lean<FeedbackBefore>();
        if (found?.status === t.from) await Feedback.updateOne({ _id: t.id }, { $set: decisionSet(t) });
        return found;
      })
    : await Feedback.findOneAndUpdate(
        { _id: t.id, status: t.from },
        { $set: decisionSet(t) },
        { returnDocument: "before" },
      ).lean<FeedbackBefore>();
  if (!before) throw (await Feedback.exists({ _id: t.id })) ? new AlreadyDecided() : new FeedbackNotFound();
  if (before.status !== t.from) throw new AlreadyDecided();
  return before;
}

/**
 * Moves one item from `from` to `to` exactly once; only the winner moves counters and the published list.
 * A crash between the writes leaves drift that `npm run summaries:rebuild` repairs.
 */
async function transition(t: Transition): Promise<{ before: FeedbackBefore; state: DecisionState }> {
  const before = t.from === "pending" ? await decidePending(t) : await reverseDecided(t);
  const reason = t.to === "rejected" ? t.reason : undefined;
  const evaluation = String(before.evaluation);
  const organizationId = String(before.organization);
  await Promise.all([
    moveCounters(evaluation, counted(before, before.status, before.moderation?.reason), counted(before, t.to, reason)),
    t.to === "approved" ? publishFeedItem({ organizationId, source: before, now: t.now }) : undefined,
    t.from === "approved" ? hideFeedItem({ organizationId, feedbackId: t.id }) : undefined,
  ]);
  // Moderation statistics are memoised for a few seconds; a decision should show in them at once.
  forgetMemo();
  // An approval may push the evaluation over its period's re-review threshold (idempotent: one case per rating version).
  if (t.to === "approved") await checkReviewAfterApproval({ evaluationId: evaluation, actor: t.actor });
  const state: DecisionState = {
    id: t.id,
    trackingCode: before.trackingCode,
    evaluation,
    stance: before.stance,
    status: t.to,
    reason: reason ?? null,
    note: t.note ?? null,
    decidedAt: t.now.toISOString(),
  };
  return { before, state };
}

/** A transition (now unless the caller says when) and its audit event: the status before and after, and why. */
async function auditedTransition(
  input: Omit<Transition, "now"> & { now?: Date },
  action: string,
  auditBefore: (before: FeedbackBefore) => Record<string, unknown>,
): Promise<DecisionState> {
  const { before, state } = await transition({ ...input, now: input.now ?? new Date() });
  await recordAudit({
    actor: input.actor,
    action,
    targetType: "feedback",
    targetId: input.id,
    reason: state.reason ?? undefined,
    note: input.note,
    before: auditBefore(before),
    after: { status: state.status, reason: state.reason },
  });
  return state;
}

/** Approve or reject a pending item; throws AlreadyDecided (409) when another moderator was first. */
export async function decideFeedback(input: {
  id: string;
  decision: "approve" | "reject";
  reason?: RejectReason;
  note?: string;
  moderator: Moderator;
  now?: Date;
}): Promise<DecisionState> {
  if (input.decision === "reject" && !input.reason) throw new Error("a rejection needs a reason");
  const to = input.decision === "approve" ? "approved" : "rejected";
  const state = await auditedTransition(
    { ...input, from: "pending", to, actor: input.moderator },
    `feedback.${input.decision}`,
    (before) => ({ status: "pending", submittedAt: before.createdAt }),
  );
  // The resident's one e-mail, once the decision is committed; the moderator does not wait for the SMTP round trip.
  notifyDecision({
    feedbackId: input.id,
    evaluation: state.evaluation,
    trackingCode: state.trackingCode,
    status: to,
    reason: state.reason,
  });
  return state;
}

/** An admin turns an approved item into a rejected one or back; counters follow. */
export async function reverseDecision(input: {
  id: string;
  to: "approved" | "rejected";
  reason?: RejectReason;
  note: string;
  admin: Moderator;
  now?: Date;
}): Promise<DecisionState> {
  if (input.admin.role !== "admin") throw new NotAllowed();
  const from = input.to === "approved" ? "rejected" : "approved";
  return auditedTransition({ ...input, from, actor: input.admin }, "feedback.reverse", (before) => ({
    status: before.status,
    reason: before.moderation?.reason ?? null,
  }));
}

/**
 * Replaces the published text (the original body stays, for the audit trail only): on the item, in its queue
 * entry while pending, and as an override on the organization's published list (it may be published already,
 * or about to be by a decision that read the item a moment ago).
 */
export async function redactFeedback(input: { id: string; publicBody: string; moderator: Moderator }): Promise<void> {
  if (!isValidObjectId(input.id)) throw new FeedbackNotFound();
  // A moderator's text is masked like a resident's: a redaction must not publish a phone number either.
  const typed = cleanText(input.publicBody);
  const publicBody = maskPersonalData(typed);
  const before = await serialised(Feedback, input.id, () =>
    Feedback.findOneAndUpdate({ _id: input.id }, { $set: { publicBody } }, { returnDocument: "before" }).lean<{
      publicBody: string;
      status: FeedbackStatus;
      organization: Types.ObjectId;
    }>(),
  );
  if (!before) throw new FeedbackNotFound();
  if (before.publicBody === publicBody) return;
  if (before.status === "pending") await QueueEntry.updateOne({ _id: input.id }, { $set: { publicBody } });
  if (before.status !== "rejected")
    await redactFeedItem({ organizationId: String(before.organization), feedbackId: input.id, body: publicBody });
  await recordAudit({
    actor: input.moderator,
    action: "feedback.redact",
    targetType: "feedback",
    targetId: input.id,
    before: { publicBody: before.publicBody },
    after: { publicBody, ...(typed !== publicBody ? { typed } : {}) },
  });
}
