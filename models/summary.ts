import { Evaluation } from "./evaluation";
import { getPeriod, listPeriods, type PeriodView } from "./period";
import { summaryRows, type CounterDoc, type GroupBy, type Language, type SummaryRow } from "./summary-rows";

export { GROUP_BYS, type GroupBy, type Language, type SummaryRow, type CounterDoc } from "./summary-rows";

export interface SummaryFilters {
  district?: string;
  rating?: string;
  kind?: string;
}

export interface Summary {
  period: string;
  groupBy: GroupBy;
  generatedAt: string;
  rows: SummaryRow[];
}

const projection = { orgCode: 1, orgName: 1, district: 1, rating: 1, kind: 1, counters: 1, residentCounters: 1, proposed: 1, rejected: 1 };

interface LeanCounterDoc extends Omit<CounterDoc, "id" | "proposed" | "rejected"> {
  _id: unknown;
  proposed?: Record<string, number>;
  rejected?: Record<string, number>;
}

interface CacheEntry {
  at: number;
  docs: Promise<CounterDoc[]>;
}
const cache = new Map<string, CacheEntry>();

async function readCounterDocs(period: string): Promise<CounterDoc[]> {
  // One query, one collection: the materialised counters of every evaluation in the period (920 in 2011).
  const docs = await Evaluation.find({ period }, projection).sort({ orgCode: 1, _id: 1 }).lean<LeanCounterDoc[]>();
  return docs.map(({ _id, proposed, rejected, ...rest }) => ({ ...rest, id: String(_id), proposed: proposed ?? {}, rejected: rejected ?? {} }));
}

/**
 * The period's counters, optionally from an in-process cache no older than `maxAgeMs`. FerretDB scans the
 * collection for every query, so public pages pass a few seconds; the committee and tests pass 0 (fresh).
 */
export function periodCounterDocs({ period, maxAgeMs = 0 }: { period: string; maxAgeMs?: number }): Promise<CounterDoc[]> {
  const hit = cache.get(period);
  if (maxAgeMs > 0 && hit && Date.now() - hit.at < maxAgeMs) return hit.docs;
  const docs = readCounterDocs(period);
  cache.set(period, { at: Date.now(), docs });
  docs.catch(() => cache.delete(period));
  return docs;
}

/** Drops cached counters (after a recount repaired them). */
export function forgetCachedCounters(): void {
  cache.clear();
}

export function matchesFilters(doc: CounterDoc, filters: SummaryFilters): boolean {
  return (!filters.district || doc.district === filters.district) && (!filters.rating || doc.rating === filters.rating) && (!filters.kind || doc.kind === filters.kind);
}

/** A published period by code, or the latest published one when no code is given; null when unknown or draft. */
export async function publishedPeriod(code?: string): Promise<PeriodView | null> {
  if (!code) return (await listPeriods())[0] ?? null;
  const period = await getPeriod({ code });
  return period && period.status !== "draft" ? period : null;
}

/** GET /api/v1/summary: the period's counters grouped, with agreement rates and Wilson intervals. */
export async function getSummary(input: { period: PeriodView; groupBy: GroupBy; lang: Language; filters?: SummaryFilters; maxAgeMs?: number }): Promise<Summary> {
  const { period, groupBy, lang, filters = {}, maxAgeMs } = input;
  const docs = (await periodCounterDocs({ period: period.code, maxAgeMs })).filter((doc) => matchesFilters(doc, filters));
  const rows = summaryRows(docs, groupBy, { lang, ratingScale: period.ratingScale, periodCode: period.code, periodTitle: period.title });
  return { period: period.code, groupBy, generatedAt: new Date().toISOString(), rows };
}
