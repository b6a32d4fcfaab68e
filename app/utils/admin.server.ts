import type { TFunction } from "i18next";
import type { z } from "zod";
import { fieldErrors } from "./api.server";

// The app's door to the admin models: route modules import this *.server file so mongoose never reaches the browser.
export { exportPeriodCsv } from "../../models/export";
export { importResults, importTemplate, type ImportIssue, type ImportReport } from "../../models/import";
export { getPeriod, listPeriods, commentWindow, type PeriodView } from "../../models/period";
import { PeriodAdminError, PeriodFormSchema, type PeriodInput } from "../../models/periods-admin";
export { createPeriod, formatScale, setCommentWindow, toLocalInput, updatePeriod } from "../../models/periods-admin";

/** What a form shows after a refused post: translated errors by field, and the values as typed. */
export interface FormFailure {
  errors: Record<string, string>;
  values: Record<string, string>;
}

/** The posted text fields, to re-render a refused form with what was typed. */
export function typedValues(form: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of form) if (typeof value === "string") values[name] = value;
  return values;
}

export function zodFailure(error: z.ZodError, form: FormData, t: TFunction): FormFailure {
  return { errors: fieldErrors(error, t), values: typedValues(form) };
}

/** The one place admin pages turn a period code from the URL into "not found". */
export const PERIOD_CODE = /^[A-Za-z0-9_-]{1,32}$/;

/**
 * Parses a period form and runs `save`; a refused form comes back as a FormFailure with translated
 * messages (zod's, or a PeriodAdminError such as a scale key still in use) and the typed values.
 */
export async function submitPeriodForm(form: FormData, t: TFunction, save: (input: PeriodInput) => Promise<void>): Promise<FormFailure | null> {
  const parsed = PeriodFormSchema.safeParse(typedValues(form));
  if (!parsed.success) return zodFailure(parsed.error, form, t);
  try {
    await save(parsed.data);
    return null;
  } catch (error) {
    if (!(error instanceof PeriodAdminError)) throw error;
    return { errors: { [error.field]: t(`admin:periods.errors.${error.code}`, error.params) }, values: typedValues(form) };
  }
}
