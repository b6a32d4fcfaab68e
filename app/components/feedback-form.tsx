import { Form, useActionData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { FeedbackActionData, FeedbackPanel } from "~/utils/feedback.server";
import { Field, FieldError, fieldAria } from "./field";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";

const STANCES = ["agree", "disagree", "neutral"] as const;

export interface FeedbackFormProps {
  evaluationId: string;
  periodCode: string;
  ratingScale: { key: string; label: LocalizedLabel }[];
  /** The last refusal, when it was for this evaluation's form. */
  result: FeedbackActionData | null;
  /** Set when CAPTCHA=hcaptcha: the widget's site key. */
  captchaSiteKey: string | null;
  /** Days an e-mail address is kept; null when the site sends no mail, so the form asks for none. */
  contactRetentionDays: number | null;
}

/**
 * A resident's view on one evaluation: a real form that posts to the organization page's action,
 * so it works without JavaScript; after a refusal it comes back with every typed value and the
 * errors beside their fields.
 */
export function FeedbackForm({ evaluationId, periodCode, ratingScale, result, captchaSiteKey, contactRetentionDays }: FeedbackFormProps) {
  const { t } = useTranslation("feedback");
  const { t: tc } = useTranslation("common");
  const format = useLocaleFormat();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting" && navigation.formData?.get("evaluation") === evaluationId;
  const prefix = `fb-${evaluationId}`;
  const values = result?.values;
  const id = (name: string) => `${prefix}-${name}`;
  const errorOf = (name: string) => result?.fields[name];
  const aria = (name: string, hint = false) => fieldAria(id(name), { error: errorOf(name), hint });
  const control = (name: string, hint = false) => ({ id: id(name), name, ...aria(name, hint) });
  const fieldOf = (name: string, label: string, hint?: string) => ({ id: id(name), label, hint, error: errorOf(name) });
  return (
    <Form method="post" className="feedback-form stack" noValidate aria-labelledby={`${prefix}-title`} preventScrollReset>
      <h3 id={`${prefix}-title`}>{t("form.title", { period: periodCode })}</h3>
      <p className="hint">{t("form.intro")}</p>
      {result ? (
        <div className="form-error" role="alert" id={`${prefix}-summary`}>
          <strong>{t("form.errorSummary")}</strong>: {result.formError}
        </div>
      ) : null}
      <input type="hidden" name="evaluation" value={evaluationId} />
      <fieldset className="field" aria-describedby={aria("stance")["aria-describedby"]}>
        <legend>{t("form.stanceLegend")}</legend>
        {STANCES.map((value) => (
          <label key={value} className="choice">
            <input
              type="radio"
              name="stance"
              value={value}
              defaultChecked={(values?.stance ?? "agree") === value}
              aria-invalid={aria("stance")["aria-invalid"]}
            />{" "}
            {tc(`stance.${value}`)}
          </label>
        ))}
        <FieldError id={id("stance")} error={errorOf("stance")} />
      </fieldset>
      <Field {...fieldOf("proposedRating", t("form.proposedRating"), t("form.proposedRatingHint"))}>
        <select {...control("proposedRating", true)} defaultValue={values?.proposedRating ?? ""}>
          <option value="">{t("form.proposedRatingChoose")}</option>
          {ratingScale.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {format.label(entry.label)}
            </option>
          ))}
        </select>
      </Field>
      <Field {...fieldOf("body", t("form.body"), t("form.bodyHint"))}>
        <textarea {...control("body", true)} required rows={6} defaultValue={values?.body ?? ""} />
      </Field>
      <Field {...fieldOf("displayName", t("form.displayName"), t("form.displayNameHint"))}>
        <input {...control("displayName", true)} type="text" autoComplete="nickname" defaultValue={values?.displayName ?? ""} />
      </Field>
      {contactRetentionDays === null ? (
        <p className="hint">{t("form.contactOff")}</p>
      ) : (
        <Field {...fieldOf("contact", t("form.contact"), t("form.contactHint", { days: contactRetentionDays }))}>
          <input {...control("contact", true)} type="email" autoComplete="email" defaultValue={values?.contact ?? ""} />
        </Field>
      )}
      <div className="field">
        <label className="choice">
          <input
            type="checkbox"
            name="isResident"
            defaultChecked={values?.isResident ?? false}
            aria-describedby={`${prefix}-isResident-hint`}
          />{" "}
          {t("form.isResident")}
        </label>
        <p className="hint" id={`${prefix}-isResident-hint`}>
          {t("form.isResidentHint")}
        </p>
      </div>
      <div className="honeypot" aria-hidden="true">
        <label htmlFor={`${prefix}-website`}>{t("form.honeypot")}</label>
        <input id={`${prefix}-website`} name="website" type="text" tabIndex={-1} autoComplete="off" defaultValue="" />
      </div>
      {captchaSiteKey ? (
        <div className="field">
          <p id={`${prefix}-captchaToken-label`}>{t("form.captcha")}</p>
          <div className="h-captcha" data-sitekey={captchaSiteKey} aria-labelledby={`${prefix}-captchaToken-label`} />
          <FieldError id={id("captchaToken")} error={errorOf("captchaToken")} />
        </div>
      ) : (
        <FieldError id={id("captchaToken")} error={errorOf("captchaToken")} />
      )}
      <button type="submit" disabled={busy}>
        {t("form.submit")}
      </button>
    </Form>
  );
}

/** hCaptcha's widget script, once per page and only when CAPTCHA=hcaptcha; the CSP allows it with the request's nonce. */
export function HCaptchaScript({ nonce, lang }: { nonce: string | undefined; lang: string }) {
  return <script src={`https://js.hcaptcha.com/1/api.js?hl=${lang}`} async defer nonce={nonce} suppressHydrationWarning />;
}

/** Why there is no form: the period's comment window has not opened or has closed. */
export function CommentWindowNotice({
  window,
  periodCode,
  openAt,
  closeAt,
}: {
  window: "not-yet" | "closed";
  periodCode: string;
  openAt: string;
  closeAt: string;
}) {
  const { t } = useTranslation("feedback");
  const format = useLocaleFormat();
  const message =
    window === "not-yet"
      ? t("form.notOpenYet", { period: periodCode, date: format.date(openAt) })
      : t("form.closed", { period: periodCode, date: format.date(closeAt) });
  return <p className="notice warning">{message}</p>;
}

/** The form under one evaluation while its period takes comments, otherwise why not. */
export function EvaluationFeedback({
  evaluationId,
  period,
  panel,
}: {
  evaluationId: string;
  period: FeedbackFormPeriod;
  panel: Pick<FeedbackPanel, "windows" | "captchaSiteKey" | "contactRetentionDays">;
}) {
  const actionData = useActionData() as FeedbackActionData | undefined;
  const window = panel.windows[evaluationId] ?? "closed";
  if (window !== "open")
    return <CommentWindowNotice window={window} periodCode={period.code} openAt={period.commentsOpenAt} closeAt={period.commentsCloseAt} />;
  const result = actionData?.values?.evaluation === evaluationId ? actionData : null;
  return (
    <FeedbackForm
      evaluationId={evaluationId}
      periodCode={period.code}
      ratingScale={period.ratingScale}
      result={result}
      captchaSiteKey={panel.captchaSiteKey}
      contactRetentionDays={panel.contactRetentionDays}
    />
  );
}

interface FeedbackFormPeriod {
  code: string;
  commentsOpenAt: string;
  commentsCloseAt: string;
  ratingScale: { key: string; label: LocalizedLabel }[];
}
