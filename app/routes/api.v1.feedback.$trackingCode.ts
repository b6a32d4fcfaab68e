import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, jsonResponse, translatorFor } from "~/utils/api.server";
import { getFeedbackTracking } from "~/utils/feedback.server";
import { followUpApi, withdrawFeedback } from "~/utils/follow-up.server";

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

/** DELETE /api/v1/feedback/:trackingCode → 200 {status:"withdrawn"} for a pending item; 409 once decided, 404 for an unknown code. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "DELETE") {
    const t = await translatorFor(request, "feedback");
    return apiError(405, "method_not_allowed", t("errors.methodNotAllowed"), undefined, { Allow: "GET, DELETE" });
  }
  return followUpApi(request, () => withdrawFeedback({ trackingCode: params.trackingCode ?? "" }));
}
