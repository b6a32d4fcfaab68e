import type { InputHTMLAttributes } from "react";
import { AdminSelect } from "./admin-ui";
import { Field, fieldAria } from "./field";

/** What an admin action sends back to its form: translated errors by field and the values as typed. */
export type FormReply = { errors: Record<string, string>; values: Record<string, string> };

/** A labelled input with its hint and translated error, tied to it by aria; other attributes go to the input. */
export function InputField({
  name,
  label,
  error,
  hint,
  ...input
}: { name: string; label: string; error?: string; hint?: string } & InputHTMLAttributes<HTMLInputElement>) {
  return (
    <Field id={name} label={label} error={error} hint={hint}>
      <input id={name} name={name} {...input} {...fieldAria(name, { error, hint: Boolean(hint) })} />
    </Field>
  );
}

/**
 * The required controls of one admin form, bound to what the action sent back (errors, values as typed) and
 * to the form's labels, so that each field is one call.
 */
export function formControls({
  errors,
  values,
  label,
}: {
  errors: Record<string, string>;
  values: Partial<Record<string, string>>;
  label: (name: string) => string;
}) {
  return {
    input: (name: string, attributes: InputHTMLAttributes<HTMLInputElement> & { hint?: string } = {}) => (
      <InputField
        name={name}
        label={label(name)}
        error={errors[name]}
        type="text"
        required
        defaultValue={values[name] ?? ""}
        {...attributes}
      />
    ),
    select: (name: string, options: readonly string[], optionLabel: (option: string) => string) => (
      <AdminSelect name={name} label={label(name)} error={errors[name]} value={values[name]} options={options} optionLabel={optionLabel} />
    ),
  };
}
