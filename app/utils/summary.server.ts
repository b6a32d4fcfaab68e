import { z } from "zod";
import { ORGANIZATION_KINDS } from "../../models/catalog/organization.server";
import type { PeriodView } from "../../models/catalog/period.server";
import { getSummary, GROUP_BYS, type Language, type Summary, type SummaryFilters } from "../../models/summary/summary.server";
import { blankAsUndefined, parsePeriodQuery, type PeriodQueryRefusal } from "./period-query.server";
import { requestLocale } from "./i18n.server";
import { periodCodeSchema } from "../../models/lib/codes";

// The app's door to the summary models: route modules import this *.server file so mongoose never reaches the browser.
export { summaryCsv } from "../../models/summary/summary-csv";
export { organizationAgreementByPeriod } from "../../models/summary/organization-trend.server";

/** The public participation chart may come from a memo this young (a small collection, read by many). */
export const PUBLIC_MAX_AGE_MS = 10_000;

/** Query string of /api/v1/summary(.csv) and the filters of /summary and /committee: one schema. */
export const SummaryQuerySchema = z.object({
  period: z.preprocess(blankAsUndefined, periodCodeSchema("summary:errors.period").optional()),
  groupBy: z.preprocess(blankAsUndefined, z.enum(GROUP_BYS, { message: "summary:errors.groupBy" }).default("organization")),
  district: z.preprocess(blankAsUndefined, z.string().max(100, "summary:errors.district").optional()),
  rating: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, "summary:errors.rating")
      .optional(),
  ),
  kind: z.preprocess(blankAsUndefined, z.enum(ORGANIZATION_KINDS, { message: "summary:errors.kind" }).optional()),
});
export type SummaryQuery = z.infer<typeof SummaryQuerySchema>;

export type SummaryQueryResult = { ok: true; query: SummaryQuery; period: PeriodView; lang: Language } | PeriodQueryRefusal;

function firstValues(params: URLSearchParams, names: string[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of names) {
    const value = params.get(name);
    if (value !== null) values[name] = value;
  }
  return values;
}

export async function requestLanguage(request: Request): Promise<Language> {
  return (await requestLocale(request)) === "en" ? "en" : "vi";
}

/** Validates the query and finds the published period (the latest when none is named); unknown → 404. */
export async function parseSummaryQuery(request: Request): Promise<SummaryQueryResult> {
  const values = firstValues(new URL(request.url).searchParams, Object.keys(SummaryQuerySchema.shape));
  const result = await parsePeriodQuery({ request, ns: "summary", schema: SummaryQuerySchema, values });
  return result.ok ? { ...result, lang: await requestLanguage(request) } : result;
}

export function filtersOf(query: SummaryQuery): SummaryFilters {
  return { district: query.district, rating: query.rating, kind: query.kind };
}

/** The open-data summary for a parsed query, from the catalog in memory. */
export function openDataSummary(result: Extract<SummaryQueryResult, { ok: true }>): Promise<Summary> {
  return getSummary({ period: result.period, groupBy: result.query.groupBy, lang: result.lang, filters: filtersOf(result.query) });
}
