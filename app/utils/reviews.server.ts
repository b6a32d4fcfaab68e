import { z } from "zod";
import { roleAllows } from "../../models/accounts/user.server";
import type { SessionUser } from "../../models/accounts/auth.server";
import { DISTRICTS } from "../../models/catalog/organization.server";
import type { PeriodView } from "../../models/catalog/period.server";
import { blankAsUndefined, parsePeriodQuery, type PeriodQueryRefusal } from "./period-query.server";

// The app's door to the re-review models: route modules import this *.server file so mongoose never reaches the browser.
export { listReviews, unresolvedCases, workedCase } from "../../models/review/review-list.server";
export { decideReview, ReviewActionError, ReviewDecisionSchema, startReview } from "../../models/review/review-workflow.server";
export {
  getReviewThresholds,
  ReviewThresholdsFormSchema,
  saveReviewThresholds,
  thresholdsFormValues,
} from "../../models/review/review-thresholds.server";
export { openDueReviews } from "../../models/review/review-open.server";
export type { ReviewThresholds } from "../../models/review/review-rules";

/** `?period=&district=` of the reviews API and pages; absent means the period a visitor sees first, all districts. */
export const ReviewsQuerySchema = z.object({
  period: z.preprocess(
    blankAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9_-]{1,32}$/, "reviews:errors.period")
      .optional(),
  ),
  district: z.preprocess(blankAsUndefined, z.enum(DISTRICTS, { message: "reviews:errors.district" }).optional()),
});
type ReviewsQuery = z.infer<typeof ReviewsQuerySchema>;

export type ReviewsQueryResult = { ok: true; query: ReviewsQuery; period: PeriodView } | PeriodQueryRefusal;

/**
 * Validates the query and finds the published period (the default one when none is named); unknown → 404.
 * The API reads only `period`; the committee's list also narrows to one `district`.
 */
export async function parseReviewsQuery(request: Request, { district = false } = {}): Promise<ReviewsQueryResult> {
  const params = new URL(request.url).searchParams;
  const names = district ? ["period", "district"] : ["period"];
  const values = Object.fromEntries(names.flatMap((name) => (params.has(name) ? [[name, params.get(name) ?? ""]] : [])));
  return parsePeriodQuery({ request, ns: "reviews", schema: ReviewsQuerySchema, values });
}

/** Committee members and admins see cases before they are decided. */
export function seesUnresolved(user: SessionUser | null): boolean {
  return user !== null && roleAllows(user.role, "committee");
}

/** A route param that can be a case id: `<24 hex>:<version>`. */
export const CASE_ID = /^[0-9a-f]{24}:\d{1,4}$/;
