import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse } from "~/utils/api.server";
import { openDataSummary, parseSummaryQuery } from "~/utils/summary.server";

/** GET /api/v1/summary?period=&groupBy=organization|district|rating|kind|period&district=&rating=&kind= */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = await parseSummaryQuery(request);
  if (!query.ok) return apiError(query.status, query.code, query.message, query.fields);
  return openDataResponse(await openDataSummary(query));
}
