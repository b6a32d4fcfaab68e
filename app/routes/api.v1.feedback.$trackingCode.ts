import type { LoaderFunctionArgs } from "@remix-run/node";
import { apiError, jsonResponse, translatorFor } from "~/utils/api.server";
import { getFeedbackTracking } from "~/utils/feedback.server";

/** GET /api/v1/feedback/:trackingCode → the item's state and published text; never its contact. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const tracking = await getFeedbackTracking({ trackingCode: params.trackingCode ?? "" });
  if (!tracking) {
    const t = await translatorFor(request, "feedback");
    return apiError(404, "not_found", t("tracking.notFound"));
  }
  // Private to whoever holds the code: not cached by shared proxies.
  return jsonResponse(tracking, { headers: { "Cache-Control": "private, no-store" } });
}
