import { catalogSnapshot } from "./catalog-cache.server";
import { copyCounters, pageRows, type CatalogRow, type RatingRevisionView } from "./catalog-rows";
import { decodeCursor, encodeCursor } from "../db/cursor";
import type { Counters } from "./evaluation.server";
import { commentWindow, type PeriodView } from "./period.server";
import { searchKey } from "../lib/text";

/** One organization in one period, as the public list and the open-data API show it. */
export interface OrganizationListItem {
  code: string;
  name: string;
  kind: string;
  district: string;
  members: number;
  period: string;
  rating: string;
  counters: Counters;
}

export interface OrganizationPage {
  items: OrganizationListItem[];
  total: number;
  nextCursor: string | null;
}

export interface CatalogFilter {
  period: string;
  district?: string;
  rating?: string;
  q?: string;
}

/** The published period named `code`; drafts are never public. */
export async function findPublishedPeriod({ code }: { code?: string } = {}): Promise<PeriodView | null> {
  const { periods } = await catalogSnapshot();
  return (code === undefined ? defaultPeriod(periods) : periods.find((p) => p.code === code)) ?? null;
}

/** Published periods (not drafts), newest first, from the catalog in memory. */
export async function publishedPeriods(): Promise<PeriodView[]> {
  return (await catalogSnapshot()).periods;
}

/** What a visitor sees first: the newest period open for comments now, else the newest published one. */
export function defaultPeriod(periods: PeriodView[], now = new Date()): PeriodView | undefined {
  return periods.find((p) => commentWindow(p, now) === "open") ?? periods[0];
}

function toListItem(row: CatalogRow): OrganizationListItem {
  return {
    code: row.orgCode,
    name: row.orgName,
    kind: row.kind,
    district: row.district,
    members: row.members,
    period: row.period,
    rating: row.rating,
    counters: copyCounters(row.counters),
  };
}

/**
 * One page of a published period's organizations, ordered by code, with the total for the same filter;
 * `q` matches names with or without diacritics. Computed from the catalog in memory in the order of the
 * {period, orgCode, _id} index, keyset on (orgCode, _id); a tampered cursor throws InvalidCursor.
 */
export async function listOrganizations({
  cursor,
  limit = 20,
  ...query
}: Omit<CatalogFilter, "period"> & { period?: string; cursor?: string; limit?: number }): Promise<OrganizationPage> {
  const after = decodeCursor(cursor, "string");
  const snapshot = await catalogSnapshot();
  const period = query.period ?? defaultPeriod(snapshot.periods)?.code;
  const rows = period ? snapshot.rowsByPeriod.get(period) : undefined;
  if (!rows) return { items: [], total: 0, nextCursor: null };
  const filter = { district: query.district, rating: query.rating, searchKey: query.q ? searchKey(query.q) : undefined };
  const page = pageRows(rows, filter, { after: after && { orgCode: String(after.k), id: after.id }, limit });
  return {
    items: page.items.map(toListItem),
    total: page.total,
    nextCursor: page.last ? encodeCursor({ k: page.last.orgCode, id: page.last.id }) : null,
  };
}

/** One evaluation of an organization, with member-quality counts keyed by the period's member scale. */
export interface EvaluationDetail {
  id: string;
  period: string;
  rating: string;
  members: Record<string, number>;
  counters: Counters;
  summary: string;
  /** Earlier ratings, oldest first; empty when never revised. */
  ratingHistory: RatingRevisionView[];
}

export interface OrganizationDetail {
  code: string;
  name: string;
  kind: string;
  district: string;
  members: number;
  /** Code of the organization this one was merged into, if an admin merged it. */
  mergedInto: string | null;
  /** Newest period first; only published periods. */
  evaluations: EvaluationDetail[];
  /** The published periods the evaluations belong to, for their titles and scale labels. */
  periods: PeriodView[];
}

function toEvaluationDetail(row: CatalogRow): EvaluationDetail {
  return {
    id: row.id,
    period: row.period,
    rating: row.rating,
    members: Object.fromEntries(row.memberCounts.map((m) => [m.key, m.count])),
    counters: copyCounters(row.counters),
    summary: row.summary,
    ratingHistory: (row.ratingHistory ?? []).map((revision) => ({ ...revision })),
  };
}

/** An organization and its ratings in every published period, newest first; null for an unknown code. */
export async function getOrganizationDetail({ code }: { code: string }): Promise<OrganizationDetail | null> {
  const snapshot = await catalogSnapshot();
  const org = snapshot.organizations.get(code);
  if (!org) return null;
  const rows = snapshot.rowsByOrganization.get(org.id) ?? [];
  const periods = snapshot.periods.filter((p) => rows.some((row) => row.period === p.code));
  const order = new Map(periods.map((p, index) => [p.code, index]));
  const evaluations = rows
    .filter((row) => order.has(row.period))
    .sort((a, b) => (order.get(a.period) ?? 0) - (order.get(b.period) ?? 0))
    .map(toEvaluationDetail);
  return {
    code: org.code,
    name: org.name,
    kind: org.kind,
    district: org.district,
    members: org.members,
    mergedInto: org.mergedInto,
    evaluations,
    periods,
  };
}
