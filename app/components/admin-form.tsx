import type { InputHTMLAttributes } from "react";
import { Field, fieldAria } from "./field";
import { OptionList } from "./option-list";
import { TextField } from "./text-field";

/** What an admin action sends back to its form: translated errors by field and the values as typed. */
export type FormReply = { errors: Record<string, string>; values: Record<string, string> };

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
      <TextField
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
      <SelectField name={name} label={label(name)} error={errors[name]} value={values[name]} options={options} optionLabel={optionLabel} />
    ),
  };
}

/** A labelled select with its translated error. */
export function SelectField({
  name,
  label,
  error,
  value,
  options,
  optionLabel,
}: {
  name: string;
  label: string;
  error?: string;
  value?: string;
  options: readonly string[];
  optionLabel: (option: string) => string;
}) {
  return (
    <Field id={name} label={label} error={error}>
      <select id={name} name={name} defaultValue={value ?? options[0]} required {...fieldAria(name, { error })}>
        <OptionList options={options.map((option) => ({ value: option, label: optionLabel(option) }))} />
      </select>
    </Field>
  );
}
