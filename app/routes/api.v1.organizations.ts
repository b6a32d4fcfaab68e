import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, openDataResponse, translatorFor } from "~/utils/api.server";
import { loadCatalog } from "~/utils/catalog.server";

/** GET /api/v1/organizations?period=&district=&rating=&q=&cursor=&limit= → {items, total, nextCursor}. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["organizations", "common"]);
  const result = await loadCatalog(new URL(request.url).searchParams, t);
  if (!result.ok) return apiError(400, "invalid_query", t("organizations:errors.invalidQuery"), result.fields);
  return openDataResponse(result.page);
}
