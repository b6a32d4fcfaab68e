import type { InputHTMLAttributes } from "react";
import { Field, fieldAria } from "./field";

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, "id" | "name" | "aria-invalid" | "aria-describedby">;

/**
 * A labelled `<input>` whose id and name are both `name`, tied to its hint and error: the field most forms
 * repeat. Other attributes (type, autoComplete, required, defaultValue) go to the input as given.
 */
export function TextField({
  name,
  label,
  error,
  hint,
  ...input
}: { name: string; label: string; error?: string; hint?: string } & InputProps) {
  return (
    <Field id={name} label={label} error={error} hint={hint}>
      <input id={name} name={name} {...input} {...fieldAria(name, { error, hint: Boolean(hint) })} />
    </Field>
  );
}
