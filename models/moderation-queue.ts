import { Types } from "mongoose";
import { decodeCursor, encodeCursor } from "./cursor";
import { Evaluation, type Counters } from "./evaluation";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "./feedback";
import { Organization } from "./organization";
import { Period, type Label } from "./period";

export interface QueueFilters {
  status: FeedbackStatus;
  flagged?: boolean;
  district?: string;
  /** Organization code. */
  organization?: string;
  stance?: Stance;
  /** Period code. */
  period?: string;
}

export interface QueueContext {
  orgCode: string;
  orgName: string;
  district: string;
  period: string;
  rating: string;
  ratingLabel: Label | null;
  counters: Counters;
}

/** What a moderator judges: the original text too, never the contact. */
export interface QueueItem {
  id: string;
  trackingCode: string;
  evaluation: string;
  stance: Stance;
  proposedRating: string | null;
  body: string;
  publicBody: string;
  displayName: string | null;
  isResident: boolean;
  flags: { kind: string; detail: string }[];
  createdAt: string;
  status: FeedbackStatus;
  decision: { reason: RejectReason | null; note: string | null; decidedAt: string | null } | null;
  context: QueueContext | null;
}

export const QUEUE_PAGE_MAX = 100;

async function buildFilter(filters: QueueFilters, cursor: string | undefined): Promise<Record<string, unknown> | null> {
  const filter: Record<string, unknown> = { status: filters.status };
  if (filters.flagged) filter["flags.0"] = { $exists: true };
  if (filters.district) filter.district = filters.district;
  if (filters.stance) filter.stance = filters.stance;
  if (filters.period) filter.period = filters.period;
  if (filters.organization) {
    const org = await Organization.findOne({ code: filters.organization }, { _id: 1 }).lean();
    if (!org) return null;
    filter.organization = org._id;
  }
  const after = decodeCursor(cursor);
  if (after) {
    const at = new Date(String(after.k));
    filter.$or = [{ createdAt: { $gt: at } }, { createdAt: at, _id: { $gt: new Types.ObjectId(after.id) } }];
  }
  return filter;
}

/** Evaluation context for a page of items: one query for evaluations, one for their periods' scales. */
async function contextFor(evaluationIds: string[]): Promise<Map<string, QueueContext>> {
  const evaluations = await Evaluation.find({ _id: { $in: evaluationIds } }, { orgCode: 1, orgName: 1, district: 1, period: 1, rating: 1, counters: 1 }).lean();
  const periods = await Period.find({ code: { $in: [...new Set(evaluations.map((e) => e.period))] } }, { code: 1, ratingScale: 1 }).lean();
  const scales = new Map(periods.map((p) => [p.code, p.ratingScale]));
  return new Map(
    evaluations.map((e) => {
      const label = scales.get(e.period)?.find((entry) => entry.key === e.rating)?.label;
      const counters = { agree: e.counters.agree, disagree: e.counters.disagree, neutral: e.counters.neutral, pending: e.counters.pending };
      const context = { orgCode: e.orgCode, orgName: e.orgName, district: e.district, period: e.period, rating: e.rating, ratingLabel: label ? { vi: label.vi, en: label.en } : null, counters };
      return [String(e._id), context];
    }),
  );
}

/** Oldest first, keyset-paginated on (createdAt, _id) — the queue index; throws InvalidCursor for a tampered cursor. */
export async function listQueue({ filters, cursor, limit }: { filters: QueueFilters; cursor?: string; limit: number }): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const size = Math.min(Math.max(1, limit), QUEUE_PAGE_MAX);
  const filter = await buildFilter(filters, cursor);
  if (!filter) return { items: [], nextCursor: null };
  const docs = await Feedback.find(filter, {
    evaluation: 1, trackingCode: 1, stance: 1, proposedRating: 1, body: 1, publicBody: 1, displayName: 1, isResident: 1, flags: 1, createdAt: 1, status: 1, moderation: 1,
  })
    .sort({ createdAt: 1, _id: 1 })
    .limit(size + 1)
    .lean();
  const page = docs.slice(0, size);
  const contexts = await contextFor([...new Set(page.map((doc) => String(doc.evaluation)))]);
  const last = page.at(-1);
  return {
    items: page.map((doc) => ({
      id: String(doc._id),
      trackingCode: doc.trackingCode,
      evaluation: String(doc.evaluation),
      stance: doc.stance,
      proposedRating: doc.proposedRating ?? null,
      body: doc.body,
      publicBody: doc.publicBody,
      displayName: doc.displayName ?? null,
      isResident: doc.isResident,
      flags: doc.flags.map((flag) => ({ kind: flag.kind, detail: flag.detail ?? "" })),
      createdAt: doc.createdAt.toISOString(),
      status: doc.status,
      decision: doc.moderation
        ? { reason: doc.moderation.reason ?? null, note: doc.moderation.note ?? null, decidedAt: doc.moderation.decidedAt?.toISOString() ?? null }
        : null,
      context: contexts.get(String(doc.evaluation)) ?? null,
    })),
    nextCursor: docs.length > size && last ? encodeCursor({ k: last.createdAt.toISOString(), id: String(last._id) }) : null,
  };
}

/** Period codes, newest first, for the queue's period filter. */
export async function listPeriodCodes(): Promise<string[]> {
  const periods = await Period.find({}, { code: 1 }).sort({ year: -1, _id: -1 }).limit(50).lean();
  return periods.map((p) => p.code);
}
