import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, fieldErrors, jsonResponse, translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { decideFeedback, DecisionSchema, moderationFailure } from "~/utils/moderation.server";
import { followUpApi, resolveFollowUp } from "~/utils/follow-up.server";
import { FollowUpDecisionSchema } from "../../models/feedback/report-input";

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** POST /api/v1/moderation/feedback/:id {decision: approve|reject|keep|remove, reason?, note?} → 200 with the new state; 409 when someone decided it first. */
export async function action({ request, params }: ActionFunctionArgs) {
  const moderator = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  if (request.method !== "POST")
    return apiError(405, "method_not_allowed", t("moderation:errors.methodNotAllowed"), undefined, { Allow: "POST" });
  const body = await readJson(request);
  if (body === undefined) return apiError(400, "invalid_json", t("moderation:errors.invalidJson"));
  // A comment back for review after a removal request or reports is kept or removed instead.
  const followUp = FollowUpDecisionSchema.safeParse(body);
  if (followUp.success) return followUpApi(request, () => resolveFollowUp({ id: params.id ?? "", ...followUp.data, moderator }));
  const parsed = DecisionSchema.safeParse(body);
  if (!parsed.success) return apiError(400, "invalid_decision", t("moderation:errors.invalidDecision"), fieldErrors(parsed.error, t));
  try {
    return jsonResponse(await decideFeedback({ id: params.id ?? "", ...parsed.data, moderator }));
  } catch (error) {
    const failure = moderationFailure(error);
    if (!failure) throw error;
    return apiError(failure.status, failure.code, t(failure.messageKey));
  }
}

/** Reading one item is not part of this API; GET answers 405 in the API's error shape. Resource routes answer real Responses (single fetch drops data() statuses there). */
export async function loader({ request }: ActionFunctionArgs) {
  await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  return apiError(405, "method_not_allowed", t("moderation:errors.methodNotAllowed"), undefined, { Allow: "POST" });
}
