import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError } from "~/utils/api.server";
import { apiResponse, openDataResponse, openDataSummary, parseSummaryQuery } from "~/utils/summary.server";

/** GET /api/v1/summary?period=&groupBy=organization|district|rating|kind|period&district=&rating=&kind= */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = await parseSummaryQuery(request);
  if (!query.ok) return apiResponse(apiError(query.status, query.code, query.message, query.fields));
  return openDataResponse(await openDataSummary(query));
}
