import type { ActionFunctionArgs } from "@remix-run/node";
import { apiError, jsonResponse, translatorFor } from "~/utils/api.server";
import { refusalResponse, submitReport } from "~/utils/follow-up.server";
import { readJsonObject } from "~/utils/json-body.server";

async function methodNotAllowed({ request }: Pick<ActionFunctionArgs, "request">) {
  const t = await translatorFor(request, "feedback");
  return apiError(405, "method_not_allowed", t("errors.methodNotAllowed"), undefined, { Allow: "POST" });
}

/** POST /api/v1/feedback/:id/reports {reason, captchaToken?} → 201 {status:"received"}; one report per address per published comment. */
export async function action({ request, params, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed({ request });
  const body = await readJsonObject(request);
  if (!body.ok) {
    const t = await translatorFor(request, "feedback");
    return apiError(body.status, body.code, t(`errors.${body.key}`));
  }
  const result = await submitReport({ feedbackId: params.id ?? "", body: body.value, request, clientKey: context.clientKey });
  if (!result.ok) return refusalResponse(result);
  return jsonResponse({ status: "received" }, { status: 201 });
}

export const loader = methodNotAllowed;
