import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, jsonResponse, openDataResponse } from "~/utils/api.server";
import { listReviews, parseReviewsQuery, seesUnresolved } from "~/utils/reviews.server";
import { getOptionalUser } from "~/utils/session.server";

/**
 * GET /api/v1/reviews?period=: re-review cases of a period. Decided cases are public open data; a committee or
 * admin session also gets the open and under-review ones, never cached for anyone else.
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = await parseReviewsQuery(request);
  if (!query.ok) return apiError(query.status, query.code, query.message, query.fields);
  const staff = seesUnresolved(await getOptionalUser(request));
  const reviews = await listReviews({ period: query.period.code, includeUnresolved: staff });
  const items = reviews.map(
    ({ organization, organizationName, evaluation, period, rating, ratingVersion, status, openedAt, reason, numbers, outcome }) => ({
      organization,
      organizationName,
      evaluation,
      period,
      rating,
      ratingVersion,
      status,
      openedAt,
      reason,
      numbers,
      ...(outcome ? { outcome } : {}),
    }),
  );
  const body = { period: query.period.code, items };
  return staff ? jsonResponse(body, { headers: { "Cache-Control": "private, no-store" } }) : openDataResponse(body);
}
