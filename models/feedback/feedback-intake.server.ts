import { createHash } from "node:crypto";
import { Types } from "mongoose";
import { CAMPAIGN_FLAG, countCampaignFlag } from "./campaign-flags.server";
import { joinWave, waveOf } from "./campaign-wave.server";
import { contactsKept, forgetContact, storeContact } from "./contact.server";
import { moveCounters } from "./counters.server";
import { Feedback, type Stance } from "./feedback.server";
import { FeedbackCode } from "./feedback-code.server";
import { intakeFlags, maskPersonalData, type Flag } from "./feedback-flags";
import type { EvaluationTarget } from "../catalog/evaluation-target.server";
import { recentIntake, recordIntake } from "./intake-window.server";
import { claimQueueEntry, enqueueFeedback } from "../moderation/queue-entry.server";
import { similarityKey } from "../lib/similarity-key.server";
import { searchKey } from "../lib/text";
import { generateTrackingCode } from "../lib/tracking-code.server";
import { listWords } from "./word-list.server";

/** Same text (case, diacritics and spacing aside) on the same evaluation gives the same key; the unique index refuses it. */
export function dedupeKey(evaluationId: string, body: string): string {
  return createHash("sha256")
    .update(`${evaluationId}\n${searchKey(body)}`)
    .digest("hex");
}

export interface NewFeedback {
  target: EvaluationTarget;
  stance: Stance;
  proposedRating?: string;
  body: string;
  displayName?: string;
  /** An e-mail address; kept (sealed, in `contacts`) only while mail is configured, dropped otherwise. */
  contact?: string;
  isResident: boolean;
  locale: "vi" | "en";
}

export class DuplicateFeedback extends Error {
  constructor() {
    super("the same text was already sent on this evaluation");
  }
}

function isDuplicateKeyError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

const CODE_ATTEMPTS = 5;

/** Claims a fresh tracking code for the item `feedbackId` (one insert by `_id`); a duplicate key is a collision, so another code is drawn. */
async function claimTrackingCode(feedbackId: Types.ObjectId, newCode: () => string): Promise<string> {
  for (let attempt = 1; ; attempt++) {
    const code = newCode();
    try {
      await FeedbackCode.create({ _id: code, feedback: feedbackId });
      return code;
    } catch (error) {
      if (!isDuplicateKeyError(error) || attempt >= CODE_ATTEMPTS) throw error;
    }
  }
}

/** Undoes an intake that failed part-way; each delete is by `_id`, and a missing document is fine. */
async function removeFeedback({ id, trackingCode }: { id: Types.ObjectId; trackingCode: string }): Promise<void> {
  await Promise.allSettled([Feedback.deleteOne({ _id: id }), FeedbackCode.deleteOne({ _id: trackingCode })]);
}

/** Inserts the item under its claimed code; the same text twice on one evaluation throws DuplicateFeedback, and either way leaves nothing behind. */
async function insertFeedback(doc: Record<string, unknown> & { _id: Types.ObjectId; trackingCode: string }) {
  try {
    return (await Feedback.create(doc)).toObject();
  } catch (error) {
    await removeFeedback({ id: doc._id, trackingCode: doc.trackingCode });
    // The code is ours (claimed first), so the only unique key left to refuse the insert is dedupeKey: no query needed to tell.
    if (isDuplicateKeyError(error)) throw new DuplicateFeedback();
    throw error;
  }
}

/**
 * Stores a resident's feedback as pending with the intake flags, then raises the evaluation's
 * pending counter. Every database step is an insert or a read or write by `_id`, so intake does not
 * slow down as feedback grows on the embedded database. A failure part-way removes what was written.
 * `newCode` draws tracking codes (tests pass a fixed sequence to force a collision).
 */
export async function createFeedback(
  input: NewFeedback,
  now = new Date(),
  newCode: () => string = generateTrackingCode,
): Promise<{ trackingCode: string; flags: Flag[] }> {
  const text = [input.displayName, input.body].filter(Boolean).join("\n");
  const organizationId = input.target.organization;
  const similarity = similarityKey(input.body);
  const [words, recent] = await Promise.all([listWords(), recentIntake({ organizationId, key: similarity, now })]);
  const flags = intakeFlags({ text, words, similarRecent: recent.similar });
  const id = new Types.ObjectId();
  // A detected campaign wave takes in this item and, below, the similar ones before it.
  const wave = flags.some((flag) => flag.kind === CAMPAIGN_FLAG) ? waveOf({ members: recent.members, newId: String(id) }) : undefined;
  const trackingCode = await claimTrackingCode(id, newCode);
  const stored = await insertFeedback({
    _id: id,
    evaluation: input.target.id,
    organization: organizationId,
    period: input.target.period,
    district: input.target.district,
    stance: input.stance,
    proposedRating: input.proposedRating,
    ratingGiven: input.target.rating,
    body: input.body,
    publicBody: maskPersonalData(input.body),
    displayName: input.displayName,
    isResident: input.isResident,
    locale: input.locale,
    trackingCode,
    dedupeKey: dedupeKey(input.target.id, input.body),
    status: "pending",
    flags,
    ...(wave ? { wave } : {}),
  });
  try {
    if (!recent.full) await recordIntake({ organizationId, key: similarity, now, feedbackId: String(id), wave });
    // Further writes that belong to the item (its queue entry) go here; counters last: once they have moved, the item is in.
    await enqueueFeedback(stored);
    if (wave) await joinWave({ wave, organizationId, newId: String(id), sample: stored.publicBody, members: recent.members, now });
    if (input.contact && contactsKept()) await storeContact({ feedbackId: String(id), email: input.contact, locale: input.locale, now });
    await countCampaignFlag({ evaluationId: input.target.id, period: input.target.period, flags });
    await moveCounters(input.target.id, null, { status: "pending", stance: input.stance, isResident: input.isResident });
  } catch (error) {
    await Promise.allSettled([
      removeFeedback({ id, trackingCode }),
      claimQueueEntry(String(id)),
      forgetContact({ feedbackId: String(id) }),
    ]);
    throw error;
  }
  return { trackingCode, flags };
}
