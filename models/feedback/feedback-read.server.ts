import { isValidObjectId } from "mongoose";
import { z } from "zod";
import { InvalidCursor } from "../db/cursor";
import { loadedRow } from "../catalog/catalog-cache.server";
import { Evaluation } from "../catalog/evaluation.server";
import { BUCKET_SIZE, bucketOf, isHidden, readFeedBucket, readFeedHead, type FeedHead, type FeedItem } from "./feed-bucket.server";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "./feedback.server";
import { FeedbackCode } from "./feedback-code.server";
import { normalizeTrackingCode } from "../lib/tracking-code.server";
import { trackingRatings, type DatedRatingVersions, type TrackingRatings } from "./tracking-rating";

/** What anyone holding a tracking code may see: the state, the published text and the ratings, never the contact. */
export interface FeedbackTracking extends TrackingRatings {
  trackingCode: string;
  status: FeedbackStatus;
  /** Set when rejected: the category only; a moderator's note stays internal. */
  rejectReason: RejectReason | null;
  stance: Stance;
  proposedRating: string | null;
  publicBody: string;
  createdAt: string;
  decidedAt: string | null;
  /** When residents' follow-up last moved it (withdrawn, hidden for review, kept or removed). */
  followUpAt: string | null;
  period: string;
  organization: { code: string; name: string };
}

interface TrackingRow {
  _id: unknown;
  trackingCode: string;
  status: FeedbackStatus;
  stance: Stance;
  proposedRating?: string | null;
  ratingGiven?: string | null;
  publicBody: string;
  createdAt: Date;
  period: string;
  evaluation: unknown;
  moderation?: { decidedAt?: Date | null; reason?: RejectReason | null } | null;
  followUpAt?: Date | null;
}

interface EvaluationPlace extends DatedRatingVersions {
  organization: string;
  orgCode: string;
  orgName: string;
}

/**
 * Where an evaluation belongs and its rating versions, from the catalog in memory (decision 009) once it is
 * loaded: a database round trip less on every tracking page and organization page; read by `_id` before the first load.
 */
async function evaluationPlace(id: string): Promise<EvaluationPlace | null> {
  const row = loadedRow(id);
  if (row) return row;
  const doc = await Evaluation.findById(id, { organization: 1, orgCode: 1, orgName: 1, rating: 1, ratingHistory: 1 }).lean();
  if (!doc) return null;
  const ratingHistory = (doc.ratingHistory ?? []).map((r) => ({ from: r.from, to: r.to, revisedAt: r.revisedAt.toISOString() }));
  return { organization: String(doc.organization), orgCode: doc.orgCode, orgName: doc.orgName, rating: doc.rating, ratingHistory };
}

/** One item by its tracking code (typed in any case, dashes optional); null when unknown. */
export async function getFeedbackTracking({ trackingCode }: { trackingCode: string }): Promise<FeedbackTracking | null> {
  const code = normalizeTrackingCode(trackingCode);
  if (!code) return null;
  // Two reads by `_id`: the code's own document names the item (a query on trackingCode would scan feedback on FerretDB).
  const link = await FeedbackCode.findById(code, { feedback: 1 }).lean();
  if (!link) return null;
  const doc = await Feedback.findById(link.feedback, {
    trackingCode: 1,
    status: 1,
    stance: 1,
    proposedRating: 1,
    ratingGiven: 1,
    publicBody: 1,
    createdAt: 1,
    period: 1,
    evaluation: 1,
    "moderation.decidedAt": 1,
    "moderation.reason": 1,
    followUpAt: 1,
  }).lean<TrackingRow>();
  if (!doc) return null;
  const evaluation = await evaluationPlace(String(doc.evaluation));
  return {
    trackingCode: doc.trackingCode,
    status: doc.status,
    rejectReason: doc.status === "rejected" ? (doc.moderation?.reason ?? "other") : null,
    stance: doc.stance,
    proposedRating: doc.proposedRating ?? null,
    publicBody: doc.publicBody,
    createdAt: doc.createdAt.toISOString(),
    decidedAt: doc.moderation?.decidedAt?.toISOString() ?? null,
    followUpAt: doc.followUpAt?.toISOString() ?? null,
    period: doc.period,
    organization: { code: evaluation?.orgCode ?? "", name: evaluation?.orgName ?? "" },
    ...trackingRatings(doc, evaluation ?? { rating: doc.ratingGiven ?? "" }),
  };
}

export interface PublicFeedback {
  id: string;
  period: string;
  stance: Stance;
  proposedRating: string | null;
  /** The rating the comment was given on; null on items older than rating versions (their evaluation's first rating). */
  ratingGiven: string | null;
  body: string;
  /** Null means "Anonymous resident". */
  displayName: string | null;
  isResident: boolean;
  createdAt: string;
}

export const PUBLIC_PAGE_SIZE = 20;
/** Buckets read per page at most, so a page filtered to one evaluation stays a bounded number of `{_id}` reads. */
const MAX_BUCKETS_PER_PAGE = 20;

const SlotCursorSchema = z.object({ s: z.number().int().min(0) });

function encodeSlotCursor(slot: number): string {
  return Buffer.from(JSON.stringify({ s: slot })).toString("base64url");
}

/** The slot to read from (inclusive); throws InvalidCursor for a tampered cursor. */
function decodeSlotCursor(raw: string | null | undefined): number | undefined {
  if (!raw) return undefined;
  try {
    return SlotCursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8"))).s;
  } catch {
    throw new InvalidCursor();
  }
}

function toPublic(item: FeedItem, head: FeedHead): PublicFeedback {
  return {
    id: item.id,
    period: item.period,
    stance: item.stance,
    proposedRating: item.proposedRating ?? null,
    ratingGiven: item.ratingGiven ?? null,
    body: head.redacted[item.id] ?? item.body,
    displayName: item.displayName ?? null,
    isResident: item.isResident,
    createdAt: new Date(item.createdAt).toISOString(),
  };
}

/**
 * Approved feedback on some evaluations of ONE organization (one, or all of them), newest published first,
 * from the organization's published-comments read model: its head, then buckets by `_id` backwards.
 * Masked text only; no contact. The cursor names the next slot to read; throws InvalidCursor for a tampered one.
 */
export async function listApprovedFeedback(input: {
  evaluationIds: string[];
  cursor?: string | null;
  limit?: number;
}): Promise<{ items: PublicFeedback[]; nextCursor: string | null }> {
  const from = decodeSlotCursor(input.cursor);
  if (input.evaluationIds.length === 0 || !isValidObjectId(input.evaluationIds[0])) return { items: [], nextCursor: null };
  const limit = Math.min(Math.max(input.limit ?? PUBLIC_PAGE_SIZE, 1), 100);
  const evaluation = await evaluationPlace(input.evaluationIds[0]!);
  if (!evaluation) return { items: [], nextCursor: null };
  const organizationId = evaluation.organization;
  const head = await readFeedHead(organizationId);
  const wanted = new Set(input.evaluationIds);
  const items: FeedItem[] = [];
  let next = Math.min(from ?? Infinity, head.published - 1);
  for (let reads = 0; next >= 0 && items.length <= limit && reads < MAX_BUCKETS_PER_PAGE; reads++) {
    const bucket = bucketOf(next);
    for (const item of await readFeedBucket(organizationId, bucket)) {
      if (item.slot <= next && wanted.has(item.evaluation) && !isHidden(head, item)) items.push(item);
    }
    next = bucket * BUCKET_SIZE - 1;
  }
  const page = items.slice(0, limit);
  const more = items.length > limit ? page[page.length - 1]!.slot - 1 : next;
  return { items: page.map((item) => toPublic(item, head)), nextCursor: more >= 0 ? encodeSlotCursor(more) : null };
}
