import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, OPEN_DATA_HEADERS } from "~/utils/api.server";
import { openDataSummary, parseSummaryQuery, summaryCsv } from "~/utils/summary.server";

/** GET /api/v1/summary.csv: the same rows as /api/v1/summary, as UTF-8 CSV with a BOM, for spreadsheets. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = await parseSummaryQuery(request);
  if (!query.ok) return apiError(query.status, query.code, query.message, query.fields);
  const summary = await openDataSummary(query);
  return new Response(summaryCsv(summary.rows), {
    headers: {
      ...OPEN_DATA_HEADERS,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="summary-${summary.period}-${summary.groupBy}.csv"`,
    },
  });
}
