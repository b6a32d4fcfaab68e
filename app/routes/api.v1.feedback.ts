import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { feedbackApiResponse, submitFeedback } from "~/utils/feedback.server";
import { readJsonObject } from "~/utils/json-body.server";

/** POST /api/v1/feedback → 201 {trackingCode, status:"pending"}; the same server function as the page form. */
export async function action({ request, context }: ActionFunctionArgs) {
  if (request.method !== "POST") return methodNotAllowed({ request });
  const body = await readJsonObject(request);
  if (!body.ok) {
    const t = await translatorFor(request, "feedback");
    return apiError(body.status, body.code, t(`errors.${body.key}`));
  }
  return feedbackApiResponse(await submitFeedback({ input: body.value, request, clientKey: context.clientKey }));
}

async function methodNotAllowed({ request }: Pick<LoaderFunctionArgs, "request">) {
  const t = await translatorFor(request, "feedback");
  return apiError(405, "method_not_allowed", t("errors.methodNotAllowed"), undefined, { Allow: "POST" });
}

export const loader = methodNotAllowed;
