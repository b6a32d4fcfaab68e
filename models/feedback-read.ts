import { decodeCursor, encodeCursor } from "./cursor";
import { Evaluation } from "./evaluation";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "./feedback";
import { FeedbackCode } from "./feedback-code";
import { maskPersonalData } from "./feedback-flags";
import { normalizeTrackingCode } from "./tracking-code";

/** What anyone holding a tracking code may see: the state and the published text, never the contact. */
export interface FeedbackTracking {
  trackingCode: string;
  status: FeedbackStatus;
  /** Set when rejected: the category only; a moderator's note stays internal. */
  rejectReason: RejectReason | null;
  stance: Stance;
  proposedRating: string | null;
  publicBody: string;
  createdAt: string;
  decidedAt: string | null;
  period: string;
  organization: { code: string; name: string };
}

interface TrackingRow {
  _id: unknown;
  trackingCode: string;
  status: FeedbackStatus;
  stance: Stance;
  proposedRating?: string | null;
  publicBody: string;
  createdAt: Date;
  period: string;
  evaluation: unknown;
  moderation?: { decidedAt?: Date | null; reason?: RejectReason | null } | null;
}

/** One item by its tracking code (typed in any case, dashes optional); null when unknown. */
export async function getFeedbackTracking({ trackingCode }: { trackingCode: string }): Promise<FeedbackTracking | null> {
  const code = normalizeTrackingCode(trackingCode);
  if (!code) return null;
  // Two reads by `_id`: the code's own document names the item (a query on trackingCode would scan feedback on FerretDB).
  const link = await FeedbackCode.findById(code, { feedback: 1 }).lean();
  if (!link) return null;
  const doc = await Feedback.findById(
    link.feedback,
    { trackingCode: 1, status: 1, stance: 1, proposedRating: 1, publicBody: 1, createdAt: 1, period: 1, evaluation: 1, "moderation.decidedAt": 1, "moderation.reason": 1 },
  ).lean<TrackingRow>();
  if (!doc) return null;
  const evaluation = await Evaluation.findById(doc.evaluation, { orgCode: 1, orgName: 1 }).lean();
  return {
    trackingCode: doc.trackingCode,
    status: doc.status,
    rejectReason: doc.status === "rejected" ? (doc.moderation?.reason ?? "other") : null,
    stance: doc.stance,
    proposedRating: doc.proposedRating ?? null,
    publicBody: doc.publicBody,
    createdAt: doc.createdAt.toISOString(),
    decidedAt: doc.moderation?.decidedAt?.toISOString() ?? null,
    period: doc.period,
    organization: { code: evaluation?.orgCode ?? "", name: evaluation?.orgName ?? "" },
  };
}

export interface PublicFeedback {
  id: string;
  period: string;
  stance: Stance;
  proposedRating: string | null;
  body: string;
  /** Null means "Anonymous resident". */
  displayName: string | null;
  isResident: boolean;
  createdAt: string;
}

interface PublicRow {
  _id: unknown;
  period: string;
  stance: Stance;
  proposedRating?: string | null;
  publicBody: string;
  displayName?: string | null;
  isResident: boolean;
  createdAt: Date;
}

export const PUBLIC_PAGE_SIZE = 20;

/**
 * Approved feedback on some evaluations (one, or all of an organization's), newest first, a keyset
 * page at a time (index (evaluation, status, createdAt, _id)). Masked text only; no contact.
 * Throws InvalidCursor for a tampered cursor.
 */
export async function listApprovedFeedback(input: {
  evaluationIds: string[];
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: PublicFeedback[]; nextCursor: string | null }> {
  if (input.evaluationIds.length === 0) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(input.limit ?? PUBLIC_PAGE_SIZE, 1), 100);
  const after = decodeCursor(input.cursor);
  const scope = { evaluation: { $in: input.evaluationIds } };
  const keyset = after
    ? { $or: [{ createdAt: { $lt: new Date(Number(after.k)) } }, { createdAt: new Date(Number(after.k)), _id: { $lt: after.id } }] }
    : {};
  const rows = await Feedback.find(
    { ...scope, status: "approved", ...keyset },
    { period: 1, stance: 1, proposedRating: 1, publicBody: 1, displayName: 1, isResident: 1, createdAt: 1 },
  )
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit + 1)
    .lean<PublicRow[]>();
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  return {
    items: page.map((row) => ({
      id: String(row._id),
      period: row.period,
      stance: row.stance,
      proposedRating: row.proposedRating ?? null,
      body: row.publicBody,
      displayName: row.displayName ? maskPersonalData(row.displayName) : null,
      isResident: row.isResident,
      createdAt: row.createdAt.toISOString(),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ k: last.createdAt.getTime(), id: String(last._id) }) : null,
  };
}
