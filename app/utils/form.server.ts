import type { TFunction } from "i18next";
import type { z } from "zod";
import { fieldErrors } from "./api.server";

/** What a form shows after a refused post: translated errors by field (`_form` for the whole form), and the values as typed. */
export interface FormFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** Fields never sent back to the browser, not even to re-fill a refused form. */
const SECRET_FIELDS = new Set(["password", "confirm", "captchaToken", "h-captcha-response"]);

/** The posted text fields that `keep` accepts (files are never text fields). */
function textFields(form: FormData, keep: (name: string) => boolean = () => true): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string" && keep(name)) values[name] = value;
  return values;
}

/** The posted text fields, to re-render a refused form with what was typed (secrets left out). */
export function typedValues(form: FormData): Record<string, string> {
  return textFields(form, (name) => !SECRET_FIELDS.has(name));
}

/**
 * The one way a page action reads a form: `schema` parses the posted text fields; a refusal comes back as a
 * FormFailure with zod's messages translated and the values as typed.
 */
export function parseForm<T>(
  form: FormData,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  t: TFunction,
): { ok: true; data: T } | { ok: false; failure: FormFailure } {
  const parsed = schema.safeParse(textFields(form));
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, failure: { errors: fieldErrors(parsed.error, t), values: typedValues(form) } };
}

/** A refusal of the whole form (wrong password, too many attempts), in the same shape. */
export function formRefusal(form: FormData, message: string): FormFailure {
  return { errors: { _form: message }, values: typedValues(form) };
}
