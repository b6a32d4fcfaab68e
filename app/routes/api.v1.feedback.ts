import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { apiError, translatorFor } from "~/utils/api.server";
import { feedbackApiResponse, submitFeedback } from "~/utils/feedback.server";

const MAX_BODY_BYTES = 16_384;

type JsonRead = { ok: true; value: Record<string, unknown> } | { ok: false; status: number; code: string; key: string };

/** The request's JSON object, or why not: wrong media type, too large, not JSON, or not an object. */
async function readJsonObject(request: Request): Promise<JsonRead> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) return { ok: false, status: 415, code: "unsupported_media_type", key: "unsupportedMediaType" };
  const text = await request.text();
  if (Buffer.byteLength(text) > MAX_BODY_BYTES) return { ok: false, status: 413, code: "payload_too_large", key: "tooLarge" };
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === "object" && !Array.isArray(value)) return { ok: true, value: value as Record<string, unknown> };
  } catch {
    // falls through to the same answer as valid JSON that is not an object
  }
  return { ok: false, status: 400, code: "invalid_json", key: "invalidJson" };
}

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
