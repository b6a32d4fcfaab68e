import type { RateLimitRule } from "../../models/accounts/rate-limit.server";
import { FollowUpRefused } from "../../models/feedback/follow-up-state.server";
import { requestRemoval, resolveFollowUp, withdrawFeedback } from "../../models/feedback/follow-up.server";
import { ReportInputSchema } from "../../models/feedback/report-input";
import { reportFeedback } from "../../models/feedback/reports.server";
import { apiError, jsonResponse, translatorFor } from "./api.server";
import { verifyCaptcha, type CaptchaConfig } from "./captcha.server";
import { env } from "./env.server";
import { checkRateLimit } from "./rate-limit.server";
import { captchaRefusal, refusedInput } from "./refusals.server";

export { requestRemoval, resolveFollowUp, withdrawFeedback };
export { readReportable } from "../../models/feedback/reports.server";
export { reportThreshold, setReportThreshold } from "../../models/feedback/report-settings.server";

/** Reports from one client address: a handful a quarter of an hour, like comments. */
const REPORT_LIMIT: RateLimitRule = { bucket: "report", limit: 10, windowMs: 15 * 60_000 };

/** An expected refusal as an HTTP answer: status, stable code and the translation key of its message. */
interface Refusal {
  status: number;
  code: string;
  message: string;
  fields?: Record<string, string>;
  retryAfter?: number;
}

/** The translated refusal for a FollowUpRefused; null for anything else (rethrown by callers). */
export function followUpRefusal(error: unknown, t: (key: string) => string): Refusal | null {
  if (!(error instanceof FollowUpRefused)) return null;
  return { status: error.status, code: error.code, message: t(`feedback:followUp.errors.${error.code}`) };
}

/** A refusal as the JSON error every /api/* answer uses. */
export function refusalResponse(refusal: Refusal): Response {
  const headers = refusal.retryAfter ? { "Retry-After": String(refusal.retryAfter) } : undefined;
  return apiError(refusal.status, refusal.code, refusal.message, refusal.fields, headers);
}

/** Runs a resident's follow-up step for an API route: its JSON on success, a translated JSON error when refused. */
export async function followUpApi(request: Request, step: () => Promise<unknown>): Promise<Response> {
  try {
    return jsonResponse(await step());
  } catch (error) {
    const refusal = followUpRefusal(error, await translatorFor(request, ["feedback", "common"]));
    if (!refusal) throw error;
    return refusalResponse(refusal);
  }
}

/**
 * THE way a reader's report comes in, for the report page and POST /api/v1/feedback/:id/reports: validate,
 * refuse bots and floods, check the captcha, then count it (one per address per comment). Cheap checks first.
 */
export async function submitReport(input: {
  feedbackId: string;
  body: unknown;
  request: Request;
  clientKey: string;
  captcha?: CaptchaConfig;
  now?: Date;
}): Promise<{ ok: true; hidden: boolean } | ({ ok: false } & Refusal)> {
  const t = await translatorFor(input.request, ["feedback", "common"]);
  const parsed = ReportInputSchema.safeParse(input.body);
  if (!parsed.success) return refusedInput("invalid_input", t("feedback:report.errors.invalid"), parsed.error, t);
  if (parsed.data.website) return { ok: false, status: 400, code: "spam_suspected", message: t("feedback:errors.spam") };
  const now = input.now ?? new Date();
  const limit = await checkRateLimit(REPORT_LIMIT, input.clientKey, now.getTime());
  if (!limit.allowed)
    return { ok: false, status: 429, code: "rate_limited", message: t("feedback:report.errors.rateLimited"), retryAfter: limit.retryAfter };
  const verdict = await verifyCaptcha(parsed.data.captchaToken, input.captcha ?? env());
  if (!verdict.ok) return { ok: false, ...captchaRefusal(verdict.code, t) };
  try {
    const { hidden } = await reportFeedback({ feedbackId: input.feedbackId, clientKey: input.clientKey, reason: parsed.data.reason, now });
    return { ok: true, hidden };
  } catch (error) {
    const refusal = followUpRefusal(error, t);
    if (!refusal) throw error;
    // Not a tracking code here: the comment is unknown, or no longer published.
    const message = refusal.code === "not_found" ? t("feedback:report.errors.notFound") : refusal.message;
    return { ok: false, ...refusal, message };
  }
}
