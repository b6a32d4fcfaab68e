import type { TFunction } from "i18next";
import { z } from "zod";
import { findPublishedPeriod, listOrganizations, type OrganizationPage } from "../../models/catalog/catalog.server";
import { InvalidCursor } from "../../models/db/cursor";
import { DISTRICTS } from "../../models/catalog/organization.server";
import type { PeriodView } from "../../models/catalog/period.server";
import { fieldErrors } from "./api.server";
import { requestLocale } from "./i18n.server";
import { blankAsUndefined } from "./period-query.server";
import { periodCodeSchema } from "../../models/lib/codes";

// The app's door to the catalog models: route modules import this *.server file so mongoose never reaches the browser.
export {
  defaultPeriod,
  findPublishedPeriod,
  getOrganizationDetail,
  publishedPeriods,
  type OrganizationDetail,
  type OrganizationListItem,
} from "../../models/catalog/catalog.server";
export { periodOverview, type PeriodOverview } from "../../models/catalog/catalog-overview.server";
export { commentWindow, type PeriodView } from "../../models/catalog/period.server";
export { DISTRICTS } from "../../models/catalog/organization.server";
export { publicPages } from "../../models/catalog/public-pages.server";

/** Query string of /organizations and /api/v1/organizations: one schema for the page and the API. */
export const CatalogQuerySchema = z.object({
  period: z.preprocess(blankAsUndefined, periodCodeSchema("organizations:errors.period").optional()),
  district: z.preprocess(blankAsUndefined, z.enum(DISTRICTS, { message: "organizations:errors.district" }).optional()),
  rating: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/, "organizations:errors.rating")
      .optional(),
  ),
  q: z.preprocess(blankAsUndefined, z.string().max(100, "organizations:errors.q").optional()),
  cursor: z.preprocess(blankAsUndefined, z.string().max(200, "organizations:errors.cursor").optional()),
  limit: z.preprocess(
    blankAsUndefined,
    z.coerce
      .number({ message: "organizations:errors.limit" })
      .int("organizations:errors.limit")
      .min(1, "organizations:errors.limit")
      .max(100, "organizations:errors.limit")
      .default(20),
  ),
});
export type CatalogQuery = z.infer<typeof CatalogQuerySchema>;

export type CatalogResult =
  | { ok: true; period: PeriodView | null; query: CatalogQuery; page: OrganizationPage }
  | { ok: false; fields: Record<string, string> };

/** First value of each known parameter; repeated parameters keep the first, as forms send one. */
function firstValues(params: URLSearchParams): Record<string, string> {
  const values: Record<string, string> = {};
  for (const name of Object.keys(CatalogQuerySchema.shape)) {
    const value = params.get(name);
    if (value !== null) values[name] = value;
  }
  return values;
}

/**
 * Validates a catalog query against the schema and the period's own scale, then reads one page.
 * Every rejection is a translated field error, so the API answers 400 and the page can say why.
 */
export async function loadCatalog(params: URLSearchParams, t: TFunction): Promise<CatalogResult> {
  const parsed = CatalogQuerySchema.safeParse(firstValues(params));
  if (!parsed.success) return { ok: false, fields: fieldErrors(parsed.error, t) };
  const query = parsed.data;
  const period = await findPublishedPeriod({ code: query.period });
  if (query.period && !period) return { ok: false, fields: { period: t("organizations:errors.period") } };
  if (query.rating && !period?.ratingScale.some((entry) => entry.key === query.rating)) {
    return { ok: false, fields: { rating: t("organizations:errors.rating") } };
  }
  if (!period) return { ok: true, period, query, page: { items: [], total: 0, nextCursor: null } };
  try {
    const page = await listOrganizations({ ...query, period: period.code });
    return { ok: true, period, query, page };
  } catch (error) {
    if (error instanceof InvalidCursor) return { ok: false, fields: { cursor: t("organizations:errors.cursor") } };
    throw error;
  }
}

/** The visitor's language, for picking a stored label ({vi, en}) in a loader. */
export async function requestLanguage(request: Request): Promise<"vi" | "en"> {
  return (await requestLocale(request)) === "en" ? "en" : "vi";
}
