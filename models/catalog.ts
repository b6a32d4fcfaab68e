import mongoose from "mongoose";
import { decodeCursor, encodeCursor } from "./cursor";
import { Evaluation, type Counters } from "./evaluation";
import { Organization } from "./organization";
import { commentWindow, listPeriods, type PeriodView } from "./period";
import { escapeRegExp, searchKey } from "./text";

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

/** The evaluation document's names for the same fields (organization fields are copied onto it). */
type EvaluationListRow = Omit<OrganizationListItem, "code" | "name"> & { _id: mongoose.Types.ObjectId; orgCode: string; orgName: string };

const LIST_PROJECTION = { orgCode: 1, orgName: 1, kind: 1, district: 1, members: 1, period: 1, rating: 1, counters: 1 };

/** The published period named `code`; drafts are never public. */
export async function findPublishedPeriod({ code }: { code?: string } = {}): Promise<PeriodView | null> {
  const periods = await listPeriods();
  return (code === undefined ? defaultPeriod(periods) : periods.find((p) => p.code === code)) ?? null;
}

/** What a visitor sees first: the newest period open for comments now, else the newest published one. */
export function defaultPeriod(periods: PeriodView[], now = new Date()): PeriodView | undefined {
  return periods.find((p) => commentWindow(p, now) === "open") ?? periods[0];
}

/** The MongoDB filter for a catalog query; `q` matches names with or without diacritics. */
function catalogFilter({ period, district, rating, q }: CatalogFilter): Record<string, unknown> {
  const filter: Record<string, unknown> = { period };
  if (district) filter.district = district;
  if (rating) filter.rating = rating;
  const key = q ? searchKey(q) : "";
  if (key) filter.nameSearch = { $regex: escapeRegExp(key) };
  return filter;
}

export function copyCounters(counters: Counters | undefined): Counters {
  return { agree: counters?.agree ?? 0, disagree: counters?.disagree ?? 0, neutral: counters?.neutral ?? 0, pending: counters?.pending ?? 0 };
}

function toListItem(row: EvaluationListRow): OrganizationListItem {
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
 * One page of a period's organizations, ordered by code, with the total for the same filter.
 * Keyset pagination on (orgCode, _id); a tampered cursor throws InvalidCursor.
 */
export async function listOrganizations({
  cursor,
  limit = 20,
  ...query
}: Omit<CatalogFilter, "period"> & { period?: string; cursor?: string; limit?: number }): Promise<OrganizationPage> {
  const after = decodeCursor(cursor);
  const period = query.period ?? (await findPublishedPeriod())?.code;
  if (!period) return { items: [], total: 0, nextCursor: null };
  const filter = catalogFilter({ ...query, period });
  const page = after
    ? { $and: [filter, { $or: [{ orgCode: { $gt: String(after.k) } }, { orgCode: String(after.k), _id: { $gt: new mongoose.Types.ObjectId(after.id) } }] }] }
    : filter;
  const [rows, total] = await Promise.all([
    Evaluation.find(page, LIST_PROJECTION).sort({ orgCode: 1, _id: 1 }).limit(limit + 1).lean<EvaluationListRow[]>(),
    Evaluation.countDocuments(filter),
  ]);
  const last = rows.length > limit ? rows[limit - 1] : undefined;
  return {
    items: rows.slice(0, limit).map(toListItem),
    total,
    nextCursor: last ? encodeCursor({ k: last.orgCode, id: String(last._id) }) : null,
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

interface OrganizationRow {
  _id: mongoose.Types.ObjectId;
  code: string;
  name: string;
  kind: string;
  district: string;
  members: number;
  mergedInto?: string;
}

interface EvaluationDetailRow {
  _id: mongoose.Types.ObjectId;
  period: string;
  rating: string;
  memberCounts?: { key: string; count: number }[];
  counters: Counters;
  summary?: string;
}

function toEvaluationDetail(row: EvaluationDetailRow): EvaluationDetail {
  return {
    id: String(row._id),
    period: row.period,
    rating: row.rating,
    members: Object.fromEntries((row.memberCounts ?? []).map((m) => [m.key, m.count])),
    counters: copyCounters(row.counters),
    summary: row.summary ?? "",
  };
}

/** An organization and its ratings in every published period, newest first; null for an unknown code. */
export async function getOrganizationDetail({ code }: { code: string }): Promise<OrganizationDetail | null> {
  const org = await Organization.findOne({ code }, { code: 1, name: 1, kind: 1, district: 1, members: 1, mergedInto: 1 }).lean<OrganizationRow>();
  if (!org) return null;
  const [rows, published] = await Promise.all([
    Evaluation.find({ organization: org._id }, { period: 1, rating: 1, memberCounts: 1, counters: 1, summary: 1 })
      .sort({ organization: 1, period: 1, _id: 1 })
      .limit(200)
      .lean<EvaluationDetailRow[]>(),
    listPeriods(),
  ]);
  const periods = published.filter((p) => rows.some((row) => row.period === p.code));
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
    mergedInto: org.mergedInto ?? null,
    evaluations,
    periods,
  };
}
