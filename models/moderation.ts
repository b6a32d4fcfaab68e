import { isValidObjectId } from "mongoose";
import { recordAudit } from "./audit";
import { serialised } from "./connection";
import { moveCounters, type CountedState } from "./counters";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "./feedback";
import { forgetMemo } from "./summary-cache";
import { cleanText } from "./text";
import type { Role } from "./user";

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

interface FeedbackBefore {
  _id: unknown;
  evaluation: unknown;
  trackingCode: string;
  stance: Stance;
  status: FeedbackStatus;
  isResident: boolean;
  proposedRating?: string | null;
  createdAt: Date;
  moderation?: { reason?: RejectReason | null } | null;
}

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

/**
 * Moves one item from `from` to `to` exactly once: the conditional findOneAndUpdate lets one caller
 * win (serialised per item on FerretDB), the losers get AlreadyDecided; only the winner moves counters.
 * A crash between the write and the $inc leaves drift that `npm run summaries:rebuild` repairs.
 */
async function transition(t: Transition): Promise<{ before: FeedbackBefore; state: DecisionState }> {
  if (!isValidObjectId(t.id)) throw new FeedbackNotFound();
  const reason = t.to === "rejected" ? t.reason : undefined;
  const moderation = { decidedBy: t.actor.id, decidedAt: t.now, ...(reason ? { reason } : {}), ...(t.note ? { note: t.note } : {}) };
  const before = await serialised(`feedback:${t.id}`, () =>
    Feedback.findOneAndUpdate({ _id: t.id, status: t.from }, { $set: { status: t.to, moderation } }, { returnDocument: "before" }).lean<FeedbackBefore>(),
  );
  if (!before) throw (await Feedback.exists({ _id: t.id })) ? new AlreadyDecided() : new FeedbackNotFound();
  const evaluation = String(before.evaluation);
  await moveCounters(evaluation, counted(before, before.status, before.moderation?.reason), counted(before, t.to, reason));
  // Public summaries are memoised for a few seconds; a decision should show at once.
  forgetMemo();
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

/** Approve or reject a pending item; throws AlreadyDecided (409) when another moderator was first. */
export async function decideFeedback(input: { id: string; decision: "approve" | "reject"; reason?: RejectReason; note?: string; moderator: Moderator; now?: Date }): Promise<DecisionState> {
  if (input.decision === "reject" && !input.reason) throw new Error("a rejection needs a reason");
  const to = input.decision === "approve" ? "approved" : "rejected";
  const { before, state } = await transition({ id: input.id, from: "pending", to, reason: input.reason, note: input.note, actor: input.moderator, now: input.now ?? new Date() });
  await recordAudit({
    actor: input.moderator,
    action: `feedback.${input.decision}`,
    targetType: "feedback",
    targetId: input.id,
    reason: state.reason ?? undefined,
    note: state.note ?? undefined,
    before: { status: "pending", submittedAt: before.createdAt },
    after: { status: to, reason: state.reason },
  });
  return state;
}

/** An admin turns an approved item into a rejected one or back; counters follow. */
export async function reverseDecision(input: { id: string; to: "approved" | "rejected"; reason?: RejectReason; note: string; admin: Moderator; now?: Date }): Promise<DecisionState> {
  if (input.admin.role !== "admin") throw new NotAllowed();
  const from = input.to === "approved" ? "rejected" : "approved";
  const { before, state } = await transition({ id: input.id, from, to: input.to, reason: input.reason, note: input.note, actor: input.admin, now: input.now ?? new Date() });
  await recordAudit({
    actor: input.admin,
    action: "feedback.reverse",
    targetType: "feedback",
    targetId: input.id,
    reason: state.reason ?? undefined,
    note: input.note,
    before: { status: before.status, reason: before.moderation?.reason ?? null },
    after: { status: state.status, reason: state.reason },
  });
  return state;
}

/** Replaces the published text (the original body stays, for the audit trail only). */
export async function redactFeedback(input: { id: string; publicBody: string; moderator: Moderator }): Promise<void> {
  if (!isValidObjectId(input.id)) throw new FeedbackNotFound();
  const publicBody = cleanText(input.publicBody);
  const before = await serialised(`feedback:${input.id}`, () =>
    Feedback.findOneAndUpdate({ _id: input.id }, { $set: { publicBody } }, { returnDocument: "before" }).lean<{ publicBody: string }>(),
  );
  if (!before) throw new FeedbackNotFound();
  if (before.publicBody === publicBody) return;
  await recordAudit({
    actor: input.moderator,
    action: "feedback.redact",
    targetType: "feedback",
    targetId: input.id,
    before: { publicBody: before.publicBody },
    after: { publicBody },
  });
}
