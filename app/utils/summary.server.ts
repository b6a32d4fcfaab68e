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

/** The dashboard's pages of the attention list: 1,000 pages of 50 cover any province's organizations. */
const pageNumber = z.coerce
  .number({ message: "summary:errors.page" })
  .int("summary:errors.page")
  .min(1, "summary:errors.page")
  .max(1000, "summary:errors.page");

/** /committee: the summary filters plus the page of the attention list (the open-data API takes no page). */
const CommitteeQuerySchema = SummaryQuerySchema.extend({
  page: z.preprocess(blankAsUndefined, pageNumber.default(1)),
});

type QueryResult<Query> = { ok: true; query: Query; period: PeriodView; lang: Language } | PeriodQueryRefusal;
export type SummaryQueryResult = QueryResult<SummaryQuery>;

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

async function parseQueryWith<Schema extends typeof SummaryQuerySchema | typeof CommitteeQuerySchema>(
  request: Request,
  schema: Schema,
): Promise<QueryResult<z.infer<Schema>>> {
  const values = firstValues(new URL(request.url).searchParams, Object.keys(schema.shape));
  const result = await parsePeriodQuery<z.infer<Schema>>({ request, ns: "summary", schema, values });
  return result.ok ? { ...result, lang: await requestLanguage(request) } : result;
}

/** Validates the query and finds the published period (the latest when none is named); unknown → 404. */
export function parseSummaryQuery(request: Request): Promise<SummaryQueryResult> {
  return parseQueryWith(request, SummaryQuerySchema);
}

/** The same for /committee, whose query also names the page of the attention list. */
export function parseCommitteeQuery(request: Request): Promise<QueryResult<z.infer<typeof CommitteeQuerySchema>>> {
  return parseQueryWith(request, CommitteeQuerySchema);
}

export function filtersOf(query: SummaryQuery): SummaryFilters {
  return { district: query.district, rating: query.rating, kind: query.kind };
}

/** The open-data summary for a parsed query, from the catalog in memory. */
export function openDataSummary(result: Extract<SummaryQueryResult, { ok: true }>): Promise<Summary> {
  return getSummary({ period: result.period, groupBy: result.query.groupBy, lang: result.lang, filters: filtersOf(result.query) });
}
