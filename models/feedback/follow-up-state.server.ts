import { isValidObjectId, type Types } from "mongoose";
import { isFerretDB, serialised } from "../db/connection.server";
import type { CountedState } from "./counters.server";
import { Feedback, FEEDBACK_FOR_CHANGE_FIELDS, type FeedbackForChange, type FeedbackStatus } from "./feedback.server";
import { FeedbackCode } from "./feedback-code.server";
import { normalizeTrackingCode } from "../lib/tracking-code.server";

/** An expected refusal of a follow-up step, with the stable code the API answers and the status it maps to. */
export class FollowUpRefused extends Error {
  constructor(
    readonly code:
      | "not_found"
      | "already_decided"
      | "already_withdrawn"
      | "not_pending"
      | "not_published"
      | "already_reported"
      | "under_review",
    readonly status: 404 | 409,
  ) {
    super(code);
  }
}

/** Everything a follow-up step needs to move counters, hide or republish, or put an entry (back) in the queue. */
export interface FollowUpItem extends FeedbackForChange {
  reports?: { count?: number; reviewed?: number; reasons?: Record<string, number> } | null;
  followUp?: { entry?: Types.ObjectId | null } | null;
}

const ITEM_FIELDS = { ...FEEDBACK_FOR_CHANGE_FIELDS, reports: 1, followUp: 1 } as const;

export function countedAs(item: FollowUpItem, status: FeedbackStatus): CountedState {
  return {
    status,
    stance: item.stance,
    isResident: item.isResident,
    proposedRating: item.proposedRating,
    rejectReason: item.moderation?.reason ?? null,
  };
}

/** One item by `_id`; null for an id that cannot be one or names nothing. */
export function readItem(id: string): Promise<FollowUpItem | null> {
  if (!isValidObjectId(id)) return Promise.resolve(null);
  return Feedback.findById(id, ITEM_FIELDS).lean<FollowUpItem>().exec();
}

/** The item a tracking code names (two reads by `_id`); null when unknown. */
export async function itemByCode(trackingCode: string): Promise<FollowUpItem | null> {
  const code = normalizeTrackingCode(trackingCode);
  if (!code) return null;
  const link = await FeedbackCode.findById(code, { feedback: 1 }).lean();
  return link ? readItem(String(link.feedback)) : null;
}

/**
 * Moves an item from `from` to another state with `update` if it is still in `from`, and returns it as it was;
 * null when it was not (someone else moved it first). MongoDB does it in one conditional findOneAndUpdate;
 * FerretDB reads every row for any filter but `{_id}`, so there the one app process reads and writes by `_id`
 * under the per-item lock that decisions take too.
 */
export async function moveIfStatus({
  id,
  from,
  update,
}: {
  id: string;
  from: FeedbackStatus;
  update: Record<string, unknown>;
}): Promise<FollowUpItem | null> {
  if (!isFerretDB()) return Feedback.findOneAndUpdate({ _id: id, status: from }, update, { returnDocument: "before" }).lean<FollowUpItem>();
  return serialised(Feedback, id, async () => {
    const found = await Feedback.findById(id, ITEM_FIELDS).lean<FollowUpItem>();
    if (found?.status !== from) return null;
    await Feedback.updateOne({ _id: id }, update);
    return found;
  });
}
