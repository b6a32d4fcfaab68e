import type { ExistingEvaluation } from "../import/import-plan.server";
import type { Counters } from "./evaluation.server";
import type { Label, PeriodView, ScaleEntry } from "./period.server";

/**
 * Pure functions over the in-memory catalog (models/catalog/catalog-cache.server.ts holds the data): filter, search,
 * keyset pages and the period overview, computed the way the indexed queries on MongoDB would.
 * No mongoose here, so they are unit-tested without a database.
 */

/** One rating change after public consultation, as pages and the API show it. */
export interface RatingRevisionView {
  from: string;
  to: string;
  revisedAt: string;
  note: string;
  caseId: string;
}

/** One evaluation as the public pages read it; ids are strings. */
export interface CatalogRow extends ExistingEvaluation {
  period: string;
  counters: Counters;
  residentCounters: Counters;
  proposed: Record<string, number>;
  rejected: Record<string, number>;
  /** Residents' follow-up per feedback status (withdrawn, removal-requested, removed-after-reports…). */
  followUp?: Record<string, number>;
  /** Earlier ratings, oldest first (absent or empty: never revised). */
  ratingHistory?: RatingRevisionView[];
}

export interface RowFilter {
  district?: string;
  rating?: string;
  /** Already normalised with searchKey(): lower case, no diacritics. */
  searchKey?: string;
}

/** Keyset position: the last row's (orgCode, id), as the cursor carries it. */
export interface RowPosition {
  orgCode: string;
  id: string;
}

/** Order of the period's list: (orgCode, _id), the compound index MongoDB sorts by. */
export function compareRows(a: RowPosition, b: RowPosition): number {
  if (a.orgCode !== b.orgCode) return a.orgCode < b.orgCode ? -1 : 1;
  if (a.id === b.id) return 0;
  // ObjectId hex strings of equal length sort as the ids do.
  return a.id < b.id ? -1 : 1;
}

export function matchesRow(row: CatalogRow, filter: RowFilter): boolean {
  return (
    (!filter.district || row.district === filter.district) &&
    (!filter.rating || row.rating === filter.rating) &&
    (!filter.searchKey || row.nameSearch.includes(filter.searchKey))
  );
}

/** One page after `after` (rows sorted by compareRows), the filter's total, and whether more follow. */
export function pageRows(rows: readonly CatalogRow[], filter: RowFilter, { after, limit }: { after?: RowPosition; limit: number }) {
  const items: CatalogRow[] = [];
  let total = 0;
  let more = false;
  for (const row of rows) {
    if (!matchesRow(row, filter)) continue;
    total += 1;
    if (after && compareRows(row, after) <= 0) continue;
    if (items.length < limit) items.push(row);
    else more = true;
  }
  return { items, total, last: more ? items[items.length - 1] : undefined };
}

/** How many organizations (or members) a period puts at one key of its scale. */
export interface ScaleCount {
  key: string;
  label: Label;
  count: number;
}

/** Counts in scale order; a key found in the data but missing from the scale still shows, labelled by its key. */
export function inScaleOrder(scale: readonly ScaleEntry[], counts: Map<string, number>): ScaleCount[] {
  const known = scale.map((entry) => ({ key: entry.key, label: entry.label, count: counts.get(entry.key) ?? 0 }));
  const strays = [...counts.entries()]
    .filter(([key]) => !scale.some((entry) => entry.key === key))
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ key, label: { vi: key, en: key }, count }));
  return [...known, ...strays];
}

export interface PeriodOverview {
  period: PeriodView;
  organizations: number;
  /** Party members across the period's organizations. */
  members: number;
  /** Organizations per rating, in scale order (zeros included). */
  ratings: ScaleCount[];
  /** Members per member-quality category, in scale order (zeros included). */
  memberCategories: ScaleCount[];
}

function bump(counts: Map<string, number>, key: string, n: number): void {
  counts.set(key, (counts.get(key) ?? 0) + n);
}

/** A period at a glance from its rows: organizations per rating, members, members per quality category. */
export function overviewOf(period: PeriodView, rows: readonly CatalogRow[]): PeriodOverview {
  const ratings = new Map<string, number>();
  const categories = new Map<string, number>();
  let members = 0;
  for (const row of rows) {
    bump(ratings, row.rating, 1);
    members += row.members;
    for (const entry of row.memberCounts) bump(categories, entry.key, entry.count);
  }
  return {
    period,
    organizations: rows.length,
    members,
    ratings: inScaleOrder(period.ratingScale, ratings),
    memberCategories: inScaleOrder(period.memberScale, categories),
  };
}

const COUNTED_FIELDS = ["counters", "residentCounters", "proposed", "rejected", "followUp"] as const;

/** Applies a counter $inc (dotted paths such as counters.agree or proposed.tsvm) to a row in memory. */
export function applyDelta(row: CatalogRow, inc: Record<string, number>): void {
  for (const [path, n] of Object.entries(inc)) {
    const dot = path.indexOf(".");
    const field = path.slice(0, dot) as (typeof COUNTED_FIELDS)[number];
    if (!COUNTED_FIELDS.includes(field)) continue;
    // followUp is optional (rows built before it existed); the others are always there.
    const target = (row[field] ?? (row.followUp = {})) as Record<string, number>;
    const key = path.slice(dot + 1);
    target[key] = (target[key] ?? 0) + n;
  }
}

export function copyCounters(counters: Partial<Counters> | undefined): Counters {
  return {
    agree: counters?.agree ?? 0,
    disagree: counters?.disagree ?? 0,
    neutral: counters?.neutral ?? 0,
    pending: counters?.pending ?? 0,
  };
}
