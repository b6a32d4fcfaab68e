import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, fieldAria } from "./field";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";

/** Keep or change the rating, with a note saying why; a real form, so it works without JavaScript. */
export function ReviewDecisionForm({
  scale,
  current,
  errors,
  values,
}: {
  scale: { key: string; label: LocalizedLabel }[];
  current: string;
  errors: Record<string, string>;
  values?: { decision: string; to: string; note: string };
}) {
  const { t } = useTranslation("reviews");
  const format = useLocaleFormat();
  const decision = values?.decision ?? "";
  return (
    <Form method="post" className="admin-form review-decision">
      <fieldset aria-describedby={errors.decision ? "decision-error" : undefined}>
        <legend>{t("form.decision")}</legend>
        {(["kept", "changed"] as const).map((value) => (
          <div className="field checkbox" key={value}>
            <input id={`decision-${value}`} type="radio" name="decision" value={value} defaultChecked={decision === value} required />
            <label htmlFor={`decision-${value}`}>{t(`form.${value}`)}</label>
          </div>
        ))}
        {errors.decision ? (
          <p className="field-error" id="decision-error">
            {errors.decision}
          </p>
        ) : null}
      </fieldset>
      <Field id="to" label={t("form.to")} error={errors.to} hint={t("form.toHint")}>
        <select id="to" name="to" defaultValue={values?.to ?? ""} {...fieldAria("to", { error: errors.to, hint: true })}>
          <option value="">{t("form.toChoose")}</option>
          {scale
            .filter((entry) => entry.key !== current)
            .map((entry) => (
              <option key={entry.key} value={entry.key}>
                {format.label(entry.label)}
              </option>
            ))}
        </select>
      </Field>
      <Field id="note" label={t("form.note")} error={errors.note} hint={t("form.noteHint")}>
        <textarea
          id="note"
          name="note"
          rows={4}
          maxLength={2000}
          defaultValue={values?.note ?? ""}
          required
          {...fieldAria("note", { error: errors.note, hint: true })}
        />
      </Field>
      <button type="submit" name="intent" value="decide">
        {t("form.submit")}
      </button>
    </Form>
  );
}
