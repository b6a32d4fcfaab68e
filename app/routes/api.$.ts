import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";

/** Any /api path no route claims, for any method: a JSON 404, never the HTML page. */
async function notFound({ request }: LoaderFunctionArgs | ActionFunctionArgs) {
  const t = await translatorFor(request);
  return apiError(404, "not_found", t("errors.notFound.body"));
}

export const loader = notFound;
export const action = notFound;
