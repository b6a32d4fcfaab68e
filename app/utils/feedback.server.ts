import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import { getEvaluationTarget, type EvaluationTarget } from "../../models/catalog/evaluation-target.server";
import { createFeedback, DuplicateFeedback } from "../../models/feedback/feedback-intake.server";
import { FeedbackInputSchema, feedbackFormInput, feedbackFormValues, type FeedbackFormValues } from "../../models/feedback/feedback-input";
import { InvalidCursor } from "../../models/db/cursor";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { commentWindow, type PeriodView } from "../../models/catalog/period.server";
import { apiError, fieldErrors, jsonResponse, translatorFor } from "./api.server";
import { verifyCaptcha, type CaptchaConfig } from "./captcha.server";
import { env } from "./env.server";
import { requestLocale } from "./i18n.server";
import { pageError } from "./page-error.server";
import { checkRateLimit, FEEDBACK_ATTEMPT_LIMIT, FEEDBACK_LIMIT } from "./rate-limit.server";
import { captchaRefusal } from "./refusals.server";
import { formatVietnamTime } from "../../models/lib/vietnam-time";
import { pageLinks } from "../components/pager";

export type SubmitResult =
  | { ok: true; trackingCode: string }
  | { ok: false; status: number; code: string; message: string; fields?: Record<string, string>; retryAfter?: number };

interface SubmitArgs {
  input: unknown;
  request: Request;
  clientKey: string;
  /** Defaults to env(); tests pass CAPTCHA=hcaptcha settings with a stand-in verifier. */
  captcha?: CaptchaConfig;
  now?: Date;
}

function refuse(status: number, code: string, message: string, fields?: Record<string, string>, retryAfter?: number): SubmitResult {
  return { ok: false, status, code, message, ...(fields ? { fields } : {}), ...(retryAfter ? { retryAfter } : {}) };
}

/** Refusals that depend on the evaluation: window not open, proposed rating not on its period's scale. */
function targetRefusal(target: EvaluationTarget, proposedRating: string | undefined, t: TFunction, locale: string): SubmitResult | null {
  if (target.window === "not-yet")
    return refuse(
      403,
      "comments_not_open",
      t("feedback:errors.notOpenYet", { date: formatVietnamTime(target.commentsOpenAt, locale, "dateTime") }),
    );
  if (target.window === "closed")
    return refuse(
      403,
      "comments_closed",
      t("feedback:errors.closed", { date: formatVietnamTime(target.commentsCloseAt, locale, "dateTime") }),
    );
  if (proposedRating && !target.ratingKeys.includes(proposedRating)) {
    return refuse(400, "invalid_input", t("feedback:errors.invalidInput"), { proposedRating: t("feedback:errors.proposedRatingInvalid") });
  }
  return null;
}

/**
 * THE way feedback comes in, for the page form and POST /api/v1/feedback alike: validate, refuse
 * bots and floods, check the evaluation's window and the captcha, spend the client's quota, then store it
 * as pending. Cheap checks come first so the verifier and the database only see plausible submissions.
 */
export async function submitFeedback({ input, request, clientKey, captcha = env(), now = new Date() }: SubmitArgs): Promise<SubmitResult> {
  const t = await translatorFor(request, ["feedback", "common"]);
  const locale = (await requestLocale(request)) === "en" ? "en" : "vi";
  const parsed = FeedbackInputSchema.safeParse(input);
  if (!parsed.success) return refuse(400, "invalid_input", t("feedback:errors.invalidInput"), fieldErrors(parsed.error, t));
  const value = parsed.data;
  if (value.website) return refuse(400, "spam_suspected", t("feedback:errors.spam"));

  const flood = await checkRateLimit(FEEDBACK_ATTEMPT_LIMIT, clientKey, now.getTime());
  if (!flood.allowed) return refuse(429, "rate_limited", t("feedback:errors.rateLimited"), undefined, flood.retryAfter);

  const target = await getEvaluationTarget({ evaluationId: value.evaluation, now });
  if (!target)
    return refuse(404, "evaluation_not_found", t("feedback:errors.evaluationNotFound"), {
      evaluation: t("feedback:errors.evaluationNotFound"),
    });
  const refusal = targetRefusal(target, value.proposedRating, t, locale);
  if (refusal) return refusal;

  const verdict = await verifyCaptcha(value.captchaToken, captcha);
  if (!verdict.ok) return { ok: false, ...captchaRefusal(verdict.code, t) };
  // The quota counts verified comments only: junk tokens from a shared address cannot use it up.
  const quota = await checkRateLimit(FEEDBACK_LIMIT, clientKey, now.getTime());
  if (!quota.allowed) return refuse(429, "rate_limited", t("feedback:errors.rateLimited"), undefined, quota.retryAfter);

  try {
    const { trackingCode } = await createFeedback(
      {
        target,
        stance: value.stance,
        proposedRating: value.proposedRating,
        body: value.body,
        displayName: value.displayName,
        contact: value.contact,
        isResident: value.isResident,
        locale,
      },
      now,
    );
    return { ok: true, trackingCode };
  } catch (error) {
    if (error instanceof DuplicateFeedback)
      return refuse(409, "duplicate", t("feedback:errors.duplicate"), { body: t("feedback:errors.duplicate") });
    throw error;
  }
}

/** The JSON answer for POST /api/v1/feedback (a real Response: resource routes drop a data() status). */
export function feedbackApiResponse(result: SubmitResult): Response {
  if (result.ok) return jsonResponse({ trackingCode: result.trackingCode, status: "pending" }, { status: 201 });
  const headers = result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined;
  return apiError(result.status, result.code, result.message, result.fields, headers);
}

/** What the organization page's form gets back after a refusal: the messages and everything typed. */
export interface FeedbackActionData {
  formError: string;
  fields: Record<string, string>;
  values: FeedbackFormValues;
}

/** The organization page's action: redirect to the tracking page, or re-render the form with errors beside the fields. */
export async function feedbackPageAction({ request, context }: ActionFunctionArgs) {
  const input = feedbackFormInput(await request.formData());
  const result = await submitFeedback({ input, request, clientKey: context.clientKey });
  if (result.ok) return redirect(`/feedback/${result.trackingCode}?new=1`, 303);
  const headers = result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined;
  const body: FeedbackActionData = { formError: result.message, fields: result.fields ?? {}, values: feedbackFormValues(input) };
  return data(body, { status: result.status, headers });
}

// The app's door to the public feedback reads: routes import this *.server file so mongoose never reaches the browser.
export { getFeedbackTracking, type PublicFeedback } from "../../models/feedback/feedback-read.server";

/** The query parameter of the approved-feedback pager on the organization page. */
export const FEEDBACK_CURSOR_PARAM = "feedbackCursor";

/**
 * What the organization page needs for feedback: each evaluation's comment window, one page of
 * approved feedback (its own cursor parameter) and the captcha site key when the widget is on.
 */
export async function feedbackPanel({
  request,
  evaluations,
  periods,
  now = new Date(),
}: {
  request: Request;
  evaluations: { id: string; period: string }[];
  periods: PeriodView[];
  now?: Date;
}) {
  const url = new URL(request.url);
  const byCode = new Map(periods.map((period) => [period.code, period]));
  const windows: Record<string, "open" | "not-yet" | "closed"> = {};
  for (const evaluation of evaluations) {
    const period = byCode.get(evaluation.period);
    windows[evaluation.id] = period ? commentWindow(period, now) : "closed";
  }
  const cursor = url.searchParams.get(FEEDBACK_CURSOR_PARAM);
  let page;
  try {
    page = await listApprovedFeedback({ evaluationIds: evaluations.map((evaluation) => evaluation.id), cursor });
  } catch (error) {
    if (error instanceof InvalidCursor) throw await pageError(request, 400);
    throw error;
  }
  const config = env();
  return {
    windows,
    captchaSiteKey: config.CAPTCHA === "hcaptcha" ? (config.HCAPTCHA_SITEKEY ?? null) : null,
    /** Days an e-mail address is kept for the decision mail; null when mail is off (the form then asks for none). */
    contactRetentionDays: config.SMTP_URL ? config.CONTACT_RETENTION_DAYS : null,
    list: {
      items: page.items,
      scales: Object.fromEntries(periods.map((period) => [period.code, period.ratingScale])),
      ...pageLinks({ url, nextCursor: page.nextCursor, param: FEEDBACK_CURSOR_PARAM, hash: "#approved-feedback" }),
    },
  };
}

export type FeedbackPanel = Awaited<ReturnType<typeof feedbackPanel>>;
