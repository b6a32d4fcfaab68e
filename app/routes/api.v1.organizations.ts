import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { apiResponse, loadCatalog, openDataResponse } from "~/utils/catalog.server";

/** GET /api/v1/organizations?period=&district=&rating=&q=&cursor=&limit= → {items, total, nextCursor}. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["organizations", "common"]);
  const result = await loadCatalog(new URL(request.url).searchParams, t);
  if (!result.ok) return apiResponse(apiError(400, "invalid_query", t("organizations:errors.invalidQuery"), result.fields));
  return openDataResponse(result.page);
}
