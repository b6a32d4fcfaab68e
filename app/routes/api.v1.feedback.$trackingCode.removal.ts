import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { followUpApi, requestRemoval } from "~/utils/follow-up.server";

async function methodNotAllowed({ request }: Pick<ActionFunctionArgs, "request">) {
  const t = await translatorFor(request, "feedback");
  return apiError(405, "method_not_allowed", t("errors.methodNotAllowed"), undefined, { Allow: "POST" });
}

/** POST /api/v1/feedback/:trackingCode/removal → 200 {status:"removal-requested"}: hidden at once, back to the queue. */
export async function action({ request, params }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed({ request });
  return followUpApi(request, () => requestRemoval({ trackingCode: params.trackingCode ?? "" }));
}

export const loader = methodNotAllowed;
