import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, fieldAria } from "./field";

/** The form's fields as text: disagreementEnabled, minLowerBound, minSides, proposalsEnabled, minCount (a checkbox is "on" or ""). */
export type ThresholdValues = Record<string, string>;

function Checkbox({ name, label, checked }: { name: string; label: string; checked: boolean }) {
  return (
    <div className="field checkbox">
      <input id={name} name={name} type="checkbox" defaultChecked={checked} />
      <label htmlFor={name}>{label}</label>
    </div>
  );
}

/** When the period's evaluations must be re-reviewed; each rule can be switched off. Works without JavaScript. */
export function ReviewThresholdsForm({
  values,
  errors,
  saved,
}: {
  values: ThresholdValues;
  errors: Record<string, string>;
  saved: boolean;
}) {
  const { t } = useTranslation("reviews");
  const number = (name: "minLowerBound" | "minSides" | "minCount", attrs: { min: number; max: number; step: number }) => (
    <Field id={name} label={t(`thresholds.fields.${name}`)} error={errors[name]} hint={t(`thresholds.hints.${name}`)}>
      <input
        id={name}
        name={name}
        type="number"
        inputMode="decimal"
        defaultValue={values[name]}
        required
        {...attrs}
        {...fieldAria(name, { error: errors[name], hint: true })}
      />
    </Field>
  );
  return (
    <section aria-labelledby="thresholds-title" className="review-thresholds">
      <h2 id="thresholds-title">{t("thresholds.title")}</h2>
      <p>{t("thresholds.intro")}</p>
      {saved ? (
        <p className="notice success" role="status">
          {t("thresholds.saved")}
        </p>
      ) : null}
      <Form method="post" className="admin-form">
        {errors._form ? <p className="form-error">{errors._form}</p> : null}
        <fieldset>
          <legend>{t("thresholds.disagreement")}</legend>
          <Checkbox
            name="disagreementEnabled"
            label={t("thresholds.fields.disagreementEnabled")}
            checked={values.disagreementEnabled === "on"}
          />
          {number("minLowerBound", { min: 0, max: 99, step: 0.01 })}
          {number("minSides", { min: 1, max: 1_000_000, step: 1 })}
        </fieldset>
        <fieldset>
          <legend>{t("thresholds.proposals")}</legend>
          <Checkbox name="proposalsEnabled" label={t("thresholds.fields.proposalsEnabled")} checked={values.proposalsEnabled === "on"} />
          {number("minCount", { min: 1, max: 1_000_000, step: 1 })}
        </fieldset>
        <button type="submit" name="intent" value="review-thresholds">
          {t("thresholds.save")}
        </button>
      </Form>
    </section>
  );
}

/** What the form shows: the saved values, or what was typed into a refused form (an unticked box is absent from it). */
export function thresholdValuesShown(saved: ThresholdValues, typed: Record<string, string> | undefined): ThresholdValues {
  return typed ? { ...saved, disagreementEnabled: "", proposalsEnabled: "", ...typed } : saved;
}
