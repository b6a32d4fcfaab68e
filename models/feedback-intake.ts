import { createHash } from "node:crypto";
import { moveCounters } from "./counters";
import { Evaluation } from "./evaluation";
import { Feedback, type Stance } from "./feedback";
import { BURST_WINDOW_MS, intakeFlags, maskPersonalData, similarText, type Flag } from "./feedback-flags";
import { commentWindow, Period } from "./period";
import { searchKey } from "./text";
import { generateTrackingCode } from "./tracking-code";
import { listWords } from "./word-list";

/** What the intake needs to know about the evaluation a resident comments on. */
export interface EvaluationTarget {
  id: string;
  organization: string;
  period: string;
  district: string;
  window: "open" | "not-yet" | "closed";
  commentsOpenAt: string;
  commentsCloseAt: string;
  ratingKeys: string[];
}

/** The evaluation, its period's comment window and rating keys; null when either is missing. */
export async function getEvaluationTarget({ evaluationId, now = new Date() }: { evaluationId: string; now?: Date }): Promise<EvaluationTarget | null> {
  const evaluation = await Evaluation.findById(evaluationId, { organization: 1, period: 1, district: 1 }).lean();
  if (!evaluation) return null;
  const period = await Period.findOne({ code: evaluation.period }, { status: 1, commentsOpenAt: 1, commentsCloseAt: 1, ratingScale: 1 }).lean();
  if (!period) return null;
  const view = { status: period.status, commentsOpenAt: period.commentsOpenAt.toISOString(), commentsCloseAt: period.commentsCloseAt.toISOString() };
  return {
    id: String(evaluation._id),
    organization: String(evaluation.organization),
    period: evaluation.period,
    district: evaluation.district,
    window: commentWindow(view, now),
    commentsOpenAt: view.commentsOpenAt,
    commentsCloseAt: view.commentsCloseAt,
    ratingKeys: period.ratingScale.map((entry) => entry.key),
  };
}

/** Same text (case, diacritics and spacing aside) on the same evaluation gives the same key; the unique index refuses it. */
export function dedupeKey(evaluationId: string, body: string): string {
  return createHash("sha256").update(`${evaluationId}\n${searchKey(body)}`).digest("hex");
}

/** Similar items on one organization in the burst window; read through the (organization, status, createdAt) index. */
async function countSimilarRecent(organizationId: string, text: string, now: Date): Promise<number> {
  const recent = await Feedback.find(
    { organization: organizationId, status: { $in: ["pending", "approved", "rejected"] }, createdAt: { $gte: new Date(now.getTime() - BURST_WINDOW_MS) } },
    { body: 1 },
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(200)
    .lean();
  return recent.filter((item) => similarText(item.body, text)).length;
}

export interface NewFeedback {
  target: EvaluationTarget;
  stance: Stance;
  proposedRating?: string;
  body: string;
  displayName?: string;
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

/** Inserts the item (one atomic insertOne), retrying on the rare tracking-code collision. */
async function insertFeedback(doc: Record<string, unknown> & { dedupeKey: string }): Promise<string> {
  for (let attempt = 0; ; attempt++) {
    const trackingCode = generateTrackingCode();
    try {
      await Feedback.create({ ...doc, trackingCode });
      return trackingCode;
    } catch (error) {
      if (!isDuplicateKeyError(error)) throw error;
      // FerretDB does not say which unique index refused the insert, so ask: the same text, or a code collision.
      if (await Feedback.exists({ dedupeKey: doc.dedupeKey })) throw new DuplicateFeedback();
      if (attempt >= 4) throw error;
    }
  }
}

/**
 * Stores a resident's feedback as pending with the intake flags, then raises the evaluation's
 * pending counter. If the counter cannot move, the item is removed again so nothing is half-written.
 */
export async function createFeedback(input: NewFeedback, now = new Date()): Promise<{ trackingCode: string; flags: Flag[] }> {
  const text = [input.displayName, input.body].filter(Boolean).join("\n");
  const [words, similarRecent] = await Promise.all([listWords(), countSimilarRecent(input.target.organization, input.body, now)]);
  const flags = intakeFlags({ text, words, similarRecent });
  const dedupe = dedupeKey(input.target.id, input.body);
  const trackingCode = await insertFeedback({
    evaluation: input.target.id,
    organization: input.target.organization,
    period: input.target.period,
    district: input.target.district,
    stance: input.stance,
    proposedRating: input.proposedRating,
    body: input.body,
    publicBody: maskPersonalData(input.body),
    displayName: input.displayName,
    contact: input.contact,
    isResident: input.isResident,
    locale: input.locale,
    dedupeKey: dedupe,
    status: "pending",
    flags,
  });
  try {
    await moveCounters(input.target.id, null, { status: "pending", stance: input.stance, isResident: input.isResident });
  } catch (error) {
    await Feedback.deleteOne({ dedupeKey: dedupe });
    throw error;
  }
  return { trackingCode, flags };
}
