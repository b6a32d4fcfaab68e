import { Evaluation } from "./evaluation";
import { memo } from "./summary-cache";
import type { PeriodView } from "./period";
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

async function readCounterDocs(period: string): Promise<CounterDoc[]> {
  // One query, one collection: the materialised counters of every evaluation in the period (920 in 2011).
  const docs = await Evaluation.find({ period }, projection).sort({ orgCode: 1, _id: 1 }).lean<LeanCounterDoc[]>();
  return docs.map(({ _id, proposed, rejected, ...rest }) => ({ ...rest, id: String(_id), proposed: proposed ?? {}, rejected: rejected ?? {} }));
}

/**
 * The period's counters, from the in-process memo when it is younger than `maxAgeMs` (public pages pass
 * a few seconds because FerretDB scans; the committee, the API's tests and the recount pass 0).
 */
export function periodCounterDocs({ period, maxAgeMs = 0 }: { period: string; maxAgeMs?: number }): Promise<CounterDoc[]> {
  return memo(`counters:${period}`, maxAgeMs, () => readCounterDocs(period));
}

export function matchesFilters(doc: CounterDoc, filters: SummaryFilters): boolean {
  return (!filters.district || doc.district === filters.district) && (!filters.rating || doc.rating === filters.rating) && (!filters.kind || doc.kind === filters.kind);
}

/** Summary rows from counters already read (so one page can group one read several ways). */
export function summaryFromDocs(input: { period: PeriodView; groupBy: GroupBy; lang: Language; filters?: SummaryFilters; docs: CounterDoc[] }): Summary {
  const { period, groupBy, lang, filters = {} } = input;
  const docs = input.docs.filter((doc) => matchesFilters(doc, filters));
  const rows = summaryRows(docs, groupBy, { lang, ratingScale: period.ratingScale, periodCode: period.code, periodTitle: period.title });
  return { period: period.code, groupBy, generatedAt: new Date().toISOString(), rows };
}

/** GET /api/v1/summary: the period's counters grouped, with agreement rates and Wilson intervals. */
export async function getSummary(input: { period: PeriodView; groupBy: GroupBy; lang: Language; filters?: SummaryFilters; maxAgeMs?: number }): Promise<Summary> {
  return summaryFromDocs({ ...input, docs: await periodCounterDocs({ period: input.period.code, maxAgeMs: input.maxAgeMs }) });
}
