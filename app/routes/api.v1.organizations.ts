import { data, type LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { loadCatalog, OPEN_DATA_HEADERS } from "~/utils/catalog.server";

/** GET /api/v1/organizations?period=&district=&rating=&q=&cursor=&limit= → {items, total, nextCursor}. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["organizations", "common"]);
  const result = await loadCatalog(new URL(request.url).searchParams, t);
  if (!result.ok) return apiError(400, "invalid_query", t("organizations:errors.invalidQuery"), result.fields);
  return data(result.page, { headers: OPEN_DATA_HEADERS });
}
