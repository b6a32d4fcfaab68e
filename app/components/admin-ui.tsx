import { Form } from "@remix-run/react";
import { Field, fieldAria } from "./field";

/** A labelled select with its translated error. */
export function AdminSelect({
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
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** One button posting an intent about one row (hidden fields name the row); the aria-label says which row. */
export function RowAction({
  fields,
  intent,
  label,
  ariaLabel,
}: {
  fields: Record<string, string>;
  intent: string;
  label: string;
  ariaLabel: string;
}) {
  return (
    <Form method="post">
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button type="submit" name="intent" value={intent} className="secondary" aria-label={ariaLabel}>
        {label}
      </button>
    </Form>
  );
}
