import { ORGANIZATION_KINDS } from "../../models/catalog/organization.server";
import { publishedPeriods } from "../../models/catalog/catalog.server";
import type { PeriodView } from "../../models/catalog/period.server";
import {
  matchesFilters,
  periodCounterDocs,
  summaryFromDocs,
  type CounterDoc,
  type GroupBy,
  type Language,
} from "../../models/summary/summary.server";
import { feedbackPerDay, rejectedByReason, campaignFlagsByEvaluation } from "../../models/summary/summary-activity.server";
import { memo } from "../../models/summary/summary-cache";
import {
  attentionPage,
  flagsByOrganization,
  lowestAgreement,
  needingAttention,
  proposedCrossTable,
  yearOverYear,
} from "../../models/summary/summary-committee";
import { byVietnamese, moderationTransparency, type SummaryRow } from "../../models/summary/summary-rows";
import { enoughSides } from "../../models/lib/wilson";
import { PUBLIC_MAX_AGE_MS, type SummaryQuery, filtersOf } from "./summary.server";

const LOWEST_LIMIT = 10;

/** A list of the lowest agreement: only groups with enough sides, ranked by the interval's upper bound. */
function lowestWithEnoughSides(rows: SummaryRow[]): SummaryRow[] {
  return lowestAgreement(
    rows.filter((row) => enoughSides(row.agree, row.disagree)),
    LOWEST_LIMIT,
  );
}

/** Everything /summary shows for one period: by rating, by district, lowest agreement, participation, moderation. */
export async function publicSummaryPage({ period, lang }: { period: PeriodView; lang: Language }) {
  const [docs, participation, periods] = await Promise.all([
    periodCounterDocs({ period: period.code }),
    memo(`participation:${period.code}:`, PUBLIC_MAX_AGE_MS, () => feedbackPerDay({ period: period.code })),
    publishedPeriods(),
  ]);
  const group = (groupBy: GroupBy) => summaryFromDocs({ period, lang, groupBy, docs });
  const byRating = group("rating");
  return {
    period: { code: period.code, title: period.title[lang] },
    periods: periods.map((p) => ({ code: p.code, title: p.title[lang] })),
    generatedAt: byRating.generatedAt,
    byRating: byRating.rows,
    byDistrict: group("district").rows,
    lowest: lowestWithEnoughSides(group("organization").rows),
    participation,
    transparency: moderationTransparency(docs),
  };
}

export const DEFAULT_ATTENTION_THRESHOLD = 0.5;

/** Each period's counters, from the catalog in memory (decisions show at once). */
async function docsByPeriod(periods: PeriodView[]): Promise<Map<string, readonly CounterDoc[]>> {
  const entries = await Promise.all(periods.map(async (p) => [p.code, await periodCounterDocs({ period: p.code })] as const));
  return new Map(entries);
}

/**
 * The committee's dashboard: fresh counters, the query's filters, one page of the attention list (only that
 * page reaches the loader data), cross-table, year over year.
 */
export async function committeeDashboard({
  period,
  lang,
  query,
  threshold,
  page,
}: {
  period: PeriodView;
  lang: Language;
  query: SummaryQuery;
  threshold: number;
  page: number;
}) {
  const filters = filtersOf(query);
  const periods = (await publishedPeriods()).slice().sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
  const [byPeriod, flags, rejected, participation] = await Promise.all([
    // `period` is published, so it is one of `periods`.
    docsByPeriod(periods),
    campaignFlagsByEvaluation({ period: period.code }),
    rejectedByReason({ period: period.code, district: query.district }),
    feedbackPerDay({ period: period.code, district: query.district }),
  ]);
  const docs = byPeriod.get(period.code) ?? [];
  const group = (groupBy: GroupBy, p: PeriodView = period) =>
    summaryFromDocs({ period: p, lang, groupBy, filters, docs: byPeriod.get(p.code) ?? [] }).rows;
  const filtered = docs.filter((doc) => matchesFilters(doc, filters));
  return {
    period: { code: period.code, title: period.title[lang] },
    periods: periods.map((p) => ({ code: p.code, title: p.title[lang] })),
    ratingScale: period.ratingScale.map((s) => ({ key: s.key, label: s.label[lang] })),
    districts: [...new Set(docs.map((doc) => doc.district))].sort(byVietnamese),
    kinds: [...ORGANIZATION_KINDS],
    byRating: group("rating"),
    byDistrict: group("district"),
    attention: attentionPage(needingAttention(group("organization"), flagsByOrganization(docs, flags), threshold), page),
    crossTable: proposedCrossTable(filtered, period.ratingScale),
    yearOverYear: yearOverYear(periods.map((p) => ({ code: p.code, rows: group("organization", p) })))
      .filter((row) => row.change !== null)
      .slice(0, 50),
    rejected,
    participation,
    transparency: moderationTransparency(filtered),
  };
}
