import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { replyApiAction } from "~/utils/replies.server";

/** PUT /api/v1/evaluations/:id/reply {body} → 200 {body, updatedAt}: the organization's official reply (its own account's session). */
export const action = (args: ActionFunctionArgs) => replyApiAction(args);

/** Replies are read with the organization (GET /api/v1/organizations/:code); this address only takes PUT. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["replies", "common"]);
  return apiError(405, "method_not_allowed", t("replies:errors.methodNotAllowed"), undefined, { Allow: "PUT" });
}
