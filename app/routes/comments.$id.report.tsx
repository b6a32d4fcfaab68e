import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { HCaptchaScript } from "~/components/feedback-form";
import { useLocaleFormat } from "~/components/locale-format";
import { pageTitle } from "~/components/page-meta";
import { translatorFor } from "~/utils/api.server";
import { env } from "~/utils/env.server";
import { readReportable, submitReport } from "~/utils/follow-up.server";
import { pageError } from "~/utils/page-error.server";
import { REPORT_REASON_VALUES, reportFormInput } from "../../models/feedback/report-input";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

/** /comments/:id/report — any reader reports one published comment, with a reason; works without JavaScript. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const sent = new URL(request.url).searchParams.get("sent") === "1";
  const comment = await readReportable({ feedbackId: params.id ?? "" });
  // Once sent, the comment may have been hidden by this very report: the thanks still show.
  if (!comment && !sent) throw await pageError(request, 404);
  const t = await translatorFor(request, ["feedback", "common"]);
  const config = env();
  return data(
    {
      comment,
      sent,
      reasons: REPORT_REASON_VALUES,
      captchaSiteKey: config.CAPTCHA === "hcaptcha" ? (config.HCAPTCHA_SITEKEY ?? null) : null,
      title: titled(t, t("feedback:report.title")),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const id = params.id ?? "";
  const result = await submitReport({
    feedbackId: id,
    body: reportFormInput(await request.formData()),
    request,
    clientKey: context.clientKey,
  });
  if (result.ok) return redirect(`/comments/${encodeURIComponent(id)}/report?sent=1`, 303);
  const headers = result.retryAfter ? { "Retry-After": String(result.retryAfter) } : undefined;
  return data({ message: result.message, fields: result.fields ?? {} }, { status: result.status, headers });
}

function ReportForm({ reasons, captchaSiteKey }: { reasons: readonly string[]; captchaSiteKey: string | null }) {
  const { t } = useTranslation("feedback");
  const refused = useActionData<typeof action>();
  const reasonError = refused?.fields.reason;
  const captchaError = refused?.fields.captchaToken;
  return (
    <Form method="post" className="report-form stack" noValidate>
      {refused ? (
        <p className="form-error" role="alert">
          {refused.message}
        </p>
      ) : null}
      <fieldset className="field" aria-describedby={reasonError ? "report-reason-error" : undefined}>
        <legend>{t("report.reasonLegend")}</legend>
        {reasons.map((reason) => (
          <label key={reason} className="choice">
            <input type="radio" name="reason" value={reason} required /> {t(`report.reasons.${reason}`)}
          </label>
        ))}
        {reasonError ? (
          <p className="field-error" id="report-reason-error">
            {reasonError}
          </p>
        ) : null}
      </fieldset>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor="report-website">{t("form.honeypot")}</label>
        <input id="report-website" name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {captchaSiteKey ? (
        <div className="field">
          <p id="report-captcha-label">{t("form.captcha")}</p>
          <div className="h-captcha" data-sitekey={captchaSiteKey} aria-labelledby="report-captcha-label" />
        </div>
      ) : null}
      {captchaError ? <p className="field-error">{captchaError}</p> : null}
      <button type="submit">{t("report.submit")}</button>
    </Form>
  );
}

export default function ReportCommentPage() {
  const { comment, sent, reasons, captchaSiteKey } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("feedback");
  const { t: tc } = useTranslation("common");
  const format = useLocaleFormat();
  const root = useRouteLoaderData<{ cspNonce?: string }>("root");
  return (
    <section aria-labelledby="report-title" className="report-comment">
      <h1 id="report-title">{t("report.title")}</h1>
      {sent ? (
        <p className="notice success" role="status">
          {t("report.thanks")}
        </p>
      ) : (
        <p className="hint">{t("report.intro")}</p>
      )}
      {comment ? (
        <>
          <p className="meta">
            <span className={`badge ${comment.stance}`}>{tc(`stance.${comment.stance}`)}</span>{" "}
            <strong>{comment.displayName ? <bdi>{comment.displayName}</bdi> : t("list.anonymous")}</strong> ·{" "}
            <time dateTime={comment.createdAt}>{format.date(comment.createdAt)}</time> ·{" "}
            <Link to={`/organizations/${encodeURIComponent(comment.organization.code)}`}>{comment.organization.name}</Link>
          </p>
          <blockquote className="feedback-body">
            <bdi>{comment.body}</bdi>
          </blockquote>
          {sent ? null : <ReportForm reasons={reasons} captchaSiteKey={captchaSiteKey} />}
        </>
      ) : null}
      {captchaSiteKey && !sent ? <HCaptchaScript nonce={root?.cspNonce} lang={i18n.language} /> : null}
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
