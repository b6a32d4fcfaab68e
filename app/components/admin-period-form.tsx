import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Field, fieldAria } from "./field";

export interface PeriodFormValues {
  code: string;
  year: string;
  titleVi: string;
  titleEn: string;
  ratingScale: string;
  memberScale: string;
  commentsOpenAt: string;
  commentsCloseAt: string;
  status: string;
}

/** Create and edit form of a period; scales are "key | nhãn | label" lines so it works without JavaScript. */
export function PeriodForm({ values, errors, editing }: { values: PeriodFormValues; errors: Record<string, string>; editing: boolean }) {
  const { t } = useTranslation("admin");
  const text = (name: keyof PeriodFormValues, type = "text", hint = false) => (
    <Field id={name} label={t(`periods.fields.${name}`)} error={errors[name]} hint={hint ? t(`periods.hints.${name}`) : undefined}>
      <input id={name} name={name} type={type} defaultValue={values[name]} required {...fieldAria(name, { error: errors[name], hint })} />
    </Field>
  );
  const scale = (name: "ratingScale" | "memberScale") => (
    <Field id={name} label={t(`periods.fields.${name}`)} error={errors[name]} hint={t("periods.hints.scale")}>
      <textarea
        id={name}
        name={name}
        defaultValue={values[name]}
        required
        rows={6}
        {...fieldAria(name, { error: errors[name], hint: true })}
      />
    </Field>
  );
  return (
    <Form method="post" className="admin-form">
      {errors._form ? <p className="form-error">{errors._form}</p> : null}
      {editing ? <input type="hidden" name="code" value={values.code} /> : text("code", "text", true)}
      {text("year", "number")}
      {text("titleVi")}
      {text("titleEn")}
      {scale("ratingScale")}
      {scale("memberScale")}
      {text("commentsOpenAt", "datetime-local", true)}
      {text("commentsCloseAt", "datetime-local", true)}
      <Field id="status" label={t("periods.fields.status")} error={errors.status}>
        <select id="status" name="status" defaultValue={values.status} {...fieldAria("status", { error: errors.status })}>
          {(["draft", "open", "closed"] as const).map((status) => (
            <option key={status} value={status}>
              {t(`periods.status.${status}`)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" name="intent" value="save">
        {t(editing ? "periods.save" : "periods.create")}
      </button>
    </Form>
  );
}
