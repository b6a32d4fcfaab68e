import { listPeriods, type PeriodView } from "../../models/period";
import { getSummary, matchesFilters, periodCounterDocs, type Language } from "../../models/summary";
import { feedbackPerDay, rejectedByReason, campaignFlagsByEvaluation } from "../../models/summary-activity";
import { memo } from "../../models/summary-cache";
import { flagsByOrganization, lowestAgreement, needingAttention, proposedCrossTable, yearOverYear } from "../../models/summary-committee";
import { moderationTransparency, type SummaryRow } from "../../models/summary-rows";
import { enoughSides } from "../../models/wilson";
import { PUBLIC_MAX_AGE_MS, type SummaryQuery, filtersOf } from "./summary.server";

/** Participation changes slowly and costs a scan of the feedback collection: a minute is fresh enough. */
const PARTICIPATION_MAX_AGE_MS = 60_000;
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
  const base = { period, lang, maxAgeMs: PUBLIC_MAX_AGE_MS };
  const [byRating, byDistrict, byOrganization, docs, participation, periods] = await Promise.all([
    getSummary({ ...base, groupBy: "rating" }),
    getSummary({ ...base, groupBy: "district" }),
    getSummary({ ...base, groupBy: "organization" }),
    periodCounterDocs({ period: period.code, maxAgeMs: PUBLIC_MAX_AGE_MS }),
    memo(`participation:${period.code}`, PARTICIPATION_MAX_AGE_MS, () => feedbackPerDay({ period: period.code })),
    listPeriods(),
  ]);
  return {
    period: { code: period.code, title: period.title[lang] },
    periods: periods.map((p) => ({ code: p.code, title: p.title[lang] })),
    generatedAt: byRating.generatedAt,
    byRating: byRating.rows,
    byDistrict: byDistrict.rows,
    lowest: lowestWithEnoughSides(byOrganization.rows),
    participation,
    transparency: moderationTransparency(docs),
  };
}

export const DEFAULT_ATTENTION_THRESHOLD = 0.5;

/** The committee's dashboard: fresh counters, the query's filters, attention list, cross-table, year over year. */
export async function committeeDashboard({ period, lang, query, threshold }: { period: PeriodView; lang: Language; query: SummaryQuery; threshold: number }) {
  const filters = filtersOf(query);
  const base = { period, lang, filters };
  const periods = (await listPeriods()).slice().sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
  const [byRating, byDistrict, byOrganization, docs, flags, rejected, participation, history] = await Promise.all([
    getSummary({ ...base, groupBy: "rating" }),
    getSummary({ ...base, groupBy: "district" }),
    getSummary({ ...base, groupBy: "organization" }),
    periodCounterDocs({ period: period.code }),
    campaignFlagsByEvaluation({ period: period.code }),
    rejectedByReason({ period: period.code, district: query.district }),
    feedbackPerDay({ period: period.code, district: query.district }),
    Promise.all(periods.map(async (p) => ({ code: p.code, rows: (await getSummary({ period: p, lang, groupBy: "organization", filters })).rows }))),
  ]);
  const filtered = docs.filter((doc) => matchesFilters(doc, filters));
  return {
    period: { code: period.code, title: period.title[lang] },
    periods: periods.map((p) => ({ code: p.code, title: p.title[lang] })),
    ratingScale: period.ratingScale.map((s) => ({ key: s.key, label: s.label[lang] })),
    districts: [...new Set(docs.map((doc) => doc.district))].sort((a, b) => a.localeCompare(b, "vi")),
    byRating: byRating.rows,
    byDistrict: byDistrict.rows,
    attention: needingAttention(byOrganization.rows, flagsByOrganization(docs, flags), threshold),
    crossTable: proposedCrossTable(filtered, period.ratingScale),
    yearOverYear: yearOverYear(history).filter((row) => row.change !== null).slice(0, 50),
    rejected,
    participation,
    transparency: moderationTransparency(filtered),
  };
}
