import { catalogSnapshot } from "../catalog/catalog-cache.server";
import type { PeriodView } from "../catalog/period.server";
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

/**
 * The period's counters from the catalog in memory (exact in this process: every counter move updates it;
 * other processes' changes arrive within seconds). Empty for a period that is not published.
 */
export async function periodCounterDocs({ period }: { period: string }): Promise<readonly CounterDoc[]> {
  return (await catalogSnapshot()).rowsByPeriod.get(period) ?? [];
}

export function matchesFilters(doc: CounterDoc, filters: SummaryFilters): boolean {
  return (
    (!filters.district || doc.district === filters.district) &&
    (!filters.rating || doc.rating === filters.rating) &&
    (!filters.kind || doc.kind === filters.kind)
  );
}

/** Summary rows from counters already read (so one page can group one read several ways). */
export function summaryFromDocs(input: {
  period: PeriodView;
  groupBy: GroupBy;
  lang: Language;
  filters?: SummaryFilters;
  docs: readonly CounterDoc[];
}): Summary {
  const { period, groupBy, lang, filters = {} } = input;
  const docs = input.docs.filter((doc) => matchesFilters(doc, filters));
  const rows = summaryRows(docs, groupBy, { lang, ratingScale: period.ratingScale, periodCode: period.code, periodTitle: period.title });
  return { period: period.code, groupBy, generatedAt: new Date().toISOString(), rows };
}

/** GET /api/v1/summary: the period's counters grouped, with agreement rates and Wilson intervals. */
export async function getSummary(input: {
  period: PeriodView;
  groupBy: GroupBy;
  lang: Language;
  filters?: SummaryFilters;
}): Promise<Summary> {
  return summaryFromDocs({ ...input, docs: await periodCounterDocs({ period: input.period.code }) });
}
