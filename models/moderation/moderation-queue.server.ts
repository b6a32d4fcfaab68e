import { Types, type Query } from "mongoose";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { copyCounters, type CatalogRow } from "../catalog/catalog-rows";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { afterPosition } from "../db/keyset.server";
import { Evaluation, type Counters } from "../catalog/evaluation.server";
import { Feedback, type FeedbackStatus, type RejectReason, type Stance } from "../feedback/feedback.server";
import { Period, type Label } from "../catalog/period.server";
import { QueueEntry } from "./queue-entry.server";
import { wavesById, type WaveInfo } from "../feedback/campaign-wave.server";
import { pendingEntries, queueIndexed, type EntryKeys, type IndexFilter } from "./queue-index.server";
import { queueGeneration } from "../db/read-model-state.server";

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
  /** Back in the queue after publication: its author asked for removal, or readers reported it (with their counts per reason). */
  followUp: { kind: "removal" | "reports"; reports: { count: number; reasons: Record<string, number> } | null } | null;
  /** The campaign wave it belongs to: its id, how many comments it holds, and one of their texts. */
  wave: WaveInfo | null;
}

export const QUEUE_PAGE_MAX = 100;

interface QueueRow {
  _id: unknown;
  evaluation: unknown;
  trackingCode: string;
  stance: Stance;
  proposedRating?: string | null;
  body: string;
  publicBody: string;
  displayName?: string | null;
  isResident: boolean;
  flags: { kind: string; detail?: string | null }[];
  createdAt: Date;
  status?: FeedbackStatus;
  moderation?: { reason?: RejectReason | null; note?: string | null; decidedAt?: Date | null } | null;
  kind?: "removal" | "reports" | null;
  feedback?: unknown;
  reports?: { count?: number; reasons?: Record<string, number> } | null;
  wave?: string | null;
}

const ROW_FIELDS = {
  evaluation: 1,
  trackingCode: 1,
  stance: 1,
  proposedRating: 1,
  body: 1,
  publicBody: 1,
  displayName: 1,
  isResident: 1,
  flags: 1,
  createdAt: 1,
  kind: 1,
  feedback: 1,
  reports: 1,
  wave: 1,
} as const;

interface Scope {
  equal: IndexFilter;
  after?: { createdAt: number; id: string };
}

/** The filters as field equalities (organization code → id); null when the organization does not exist. */
async function scopeOf(filters: QueueFilters, cursor: string | undefined): Promise<Scope | null> {
  const equal: IndexFilter = {};
  if (filters.flagged) equal.flagged = true;
  if (filters.district) equal.district = filters.district;
  if (filters.stance) equal.stance = filters.stance;
  if (filters.period) equal.period = filters.period;
  if (filters.organization) {
    const org = (await catalogSnapshot()).organizations.get(filters.organization);
    if (!org) return null;
    equal.organization = org.id;
  }
  const after = decodeCursor(cursor, "date");
  return { equal, after: after ? { createdAt: new Date(String(after.k)).getTime(), id: after.id } : undefined };
}

/** `filter` narrowed to the rows after the cursor, with a top-level `createdAt` bound beside the `_id` tiebreak. */
function keysetAfter(filter: Record<string, unknown>, after: Scope["after"]): Record<string, unknown> {
  if (!after) return filter;
  return afterPosition(filter, { field: "createdAt", key: new Date(after.createdAt), id: new Types.ObjectId(after.id), order: "asc" });
}

/** One page of rows and the keyset position after its last one (null on the last page). */
interface RowsPage {
  rows: QueueRow[];
  next: { createdAt: Date; id: string } | null;
}

/** Keeps `size` of `size + 1` fetched keys; the extra one only says there is more. */
function pageOf<T extends { createdAt: Date | number; id: string }>(keys: T[], size: number): { kept: T[]; next: RowsPage["next"] } {
  const kept = keys.slice(0, size);
  const last = kept.at(-1);
  return { kept, next: keys.length > size && last ? { createdAt: new Date(last.createdAt), id: last.id } : null };
}

/** One page of a query in (createdAt, _id) order, read through an index the query's filter leads with. */
async function indexedRows(query: Query<unknown, unknown>, size: number): Promise<RowsPage> {
  const docs = await query
    .sort({ createdAt: 1, _id: 1 })
    .limit(size + 1)
    .lean<QueueRow[]>();
  const { kept, next } = pageOf(
    docs.map((doc) => ({ doc, createdAt: doc.createdAt, id: String(doc._id) })),
    size,
  );
  return { rows: kept.map(({ doc }) => doc), next };
}

/** Pending items from the queue collection: on the embedded database through the in-process index and `{_id}` reads. */
async function pendingRows(scope: Scope, size: number): Promise<RowsPage> {
  if (!queueIndexed()) {
    const { organization, ...rest } = scope.equal;
    const filter = keysetAfter({ ...rest, ...(organization ? { organization: new Types.ObjectId(organization) } : {}) }, scope.after);
    return indexedRows(QueueEntry.find(filter, ROW_FIELDS), size);
  }
  const scan = () =>
    QueueEntry.find({}, { createdAt: 1, period: 1, district: 1, stance: 1, flagged: 1, organization: 1, kind: 1 }).lean<EntryKeys[]>();
  const entries = await pendingEntries({
    filter: scope.equal,
    after: scope.after,
    size: size + 1,
    generation: await queueGeneration(),
    scan,
  });
  const { kept, next } = pageOf(entries, size);
  const rows = await Promise.all(kept.map((entry) => QueueEntry.findById(entry.id, ROW_FIELDS).lean<QueueRow>()));
  // An entry claimed meanwhile reads as null: the page is one shorter, the cursor still follows the index.
  return { rows: rows.filter((row) => row !== null), next };
}

/** Decided items (staff views, rarely used) straight from the feedback collection's (status, createdAt, _id) index. */
async function decidedRows(status: FeedbackStatus, scope: Scope, size: number): Promise<RowsPage> {
  const { flagged, organization, ...rest } = scope.equal;
  const equal = {
    status,
    ...rest,
    ...(flagged ? { "flags.0": { $exists: true } } : {}),
    ...(organization ? { organization: new Types.ObjectId(organization) } : {}),
  };
  return indexedRows(Feedback.find(keysetAfter(equal, scope.after), { ...ROW_FIELDS, status: 1, moderation: 1 }), size);
}

type ContextRow = Pick<CatalogRow, "id" | "orgCode" | "orgName" | "district" | "period" | "rating" | "counters">;

/** Rows of evaluations the public catalog does not hold (a period not, or no longer, published), by `_id`. */
async function unpublishedRows(ids: string[]): Promise<ContextRow[]> {
  const found = await Promise.all(
    ids.map((id) => Evaluation.findById(id, { orgCode: 1, orgName: 1, district: 1, period: 1, rating: 1, counters: 1 }).lean()),
  );
  return found.filter((e) => e !== null).map((e) => ({ ...e, id: String(e._id), counters: copyCounters(e.counters) }));
}

/**
 * Evaluation context for a page of items from the in-memory catalog (its counters follow every decision of
 * this process; on MongoDB they may lag other instances by the catalog's short refresh interval).
 */
async function contextFor(evaluationIds: string[]): Promise<Map<string, QueueContext>> {
  const snapshot = await catalogSnapshot();
  const rows: ContextRow[] = evaluationIds.map((id) => snapshot.rowsById.get(id)).filter((row) => row !== undefined);
  rows.push(...(await unpublishedRows(evaluationIds.filter((id) => !snapshot.rowsById.has(id)))));
  const scales = new Map(snapshot.periods.map((p) => [p.code, p.ratingScale]));
  const unknown = [...new Set(rows.map((row) => row.period))].filter((code) => !scales.has(code));
  if (unknown.length > 0)
    for (const p of await Period.find({ code: { $in: unknown } }, { code: 1, ratingScale: 1 }).lean()) scales.set(p.code, p.ratingScale);
  return new Map(
    rows.map((e) => {
      const label = scales.get(e.period)?.find((entry) => entry.key === e.rating)?.label;
      const counters = { agree: e.counters.agree, disagree: e.counters.disagree, neutral: e.counters.neutral, pending: e.counters.pending };
      return [
        e.id,
        {
          orgCode: e.orgCode,
          orgName: e.orgName,
          district: e.district,
          period: e.period,
          rating: e.rating,
          ratingLabel: label ? { vi: label.vi, en: label.en } : null,
          counters,
        },
      ];
    }),
  );
}

const FOLLOW_UP_STATUS = { removal: "removal-requested", reports: "under-review" } as const;

function toItem(doc: QueueRow, context: QueueContext | null, wave: WaveInfo | null): QueueItem {
  return {
    // A follow-up entry has an `_id` of its own; the item is the feedback it names.
    id: String(doc.feedback ?? doc._id),
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
    status: doc.status ?? (doc.kind ? FOLLOW_UP_STATUS[doc.kind] : "pending"),
    decision: doc.moderation
      ? {
          reason: doc.moderation.reason ?? null,
          note: doc.moderation.note ?? null,
          decidedAt: doc.moderation.decidedAt?.toISOString() ?? null,
        }
      : null,
    context,
    followUp: doc.kind
      ? { kind: doc.kind, reports: doc.reports ? { count: doc.reports.count ?? 0, reasons: { ...doc.reports.reasons } } : null }
      : null,
    wave,
  };
}

/**
 * Oldest first, keyset-paginated on (createdAt, _id); pending items come from the queue collection, decided
 * ones from feedback. Throws InvalidCursor for a tampered cursor.
 */
export async function listQueue({
  filters,
  cursor,
  limit,
}: {
  filters: QueueFilters;
  cursor?: string;
  limit: number;
}): Promise<{ items: QueueItem[]; nextCursor: string | null }> {
  const size = Math.min(Math.max(1, limit), QUEUE_PAGE_MAX);
  const scope = await scopeOf(filters, cursor);
  if (!scope) return { items: [], nextCursor: null };
  const { rows, next } = filters.status === "pending" ? await pendingRows(scope, size) : await decidedRows(filters.status, scope, size);
  const [contexts, waves] = await Promise.all([
    contextFor([...new Set(rows.map((doc) => String(doc.evaluation)))]),
    wavesById(rows.flatMap((doc) => (doc.wave ? [doc.wave] : []))),
  ]);
  return {
    items: rows.map((doc) => toItem(doc, contexts.get(String(doc.evaluation)) ?? null, (doc.wave && waves.get(doc.wave)) || null)),
    nextCursor: next ? encodeCursor({ k: next.createdAt.toISOString(), id: next.id }) : null,
  };
}

/** Loads what the first queue page needs (the in-process index, the catalog) so no moderator waits for it. */
export async function warmModerationQueue(): Promise<void> {
  await listQueue({ filters: { status: "pending" }, limit: 1 });
}

/** Period codes, newest first, for the queue's period filter. */
export async function listPeriodCodes(): Promise<string[]> {
  const periods = await Period.find({}, { code: 1 }).sort({ year: -1, _id: -1 }).limit(50).lean();
  return periods.map((p) => p.code);
}
