import type { TFunction } from "i18next";
import type { z } from "zod";
import { parseForm, typedValues, type FormFailure } from "./form.server";

// The app's door to the admin models: route modules import this *.server file so mongoose never reaches the browser.
export { exportPeriodCsv } from "../../models/import/export.server";
export { importResults, importTemplate } from "../../models/import/import.server";
export { getPeriod, listPeriods, commentWindow } from "../../models/catalog/period.server";
import { UserAdminError } from "../../models/accounts/accounts-admin.server";
import { OrganizationAdminError } from "../../models/catalog/organizations-admin.server";
import { PeriodAdminError } from "../../models/catalog/periods-admin.server";
import { WordAdminError } from "../../models/feedback/words-admin.server";
export { createPeriod, formatScale, PeriodFormSchema, setCommentWindow, updatePeriod } from "../../models/catalog/periods-admin.server";
export {
  createOrganization,
  getOrganizationAdmin,
  listOrganizationsAdmin,
  mergeOrganization,
  OrganizationFormSchema,
  setOrganizationActive,
  updateOrganization,
} from "../../models/catalog/organizations-admin.server";
export { mergeProgress, type MergeProgress } from "../../models/catalog/merge-job.server";
export { DISTRICTS, ORGANIZATION_KINDS } from "../../models/catalog/organization.server";
export {
  AcceptInviteSchema,
  acceptInvite,
  changeRole,
  findInvite,
  InviteFormSchema,
  inviteUser,
  listStaff,
  organizationChoices,
  RoleFormSchema,
  setUserDisabled,
  unlockAccount,
} from "../../models/accounts/accounts-admin.server";
export { ROLES, STAFF_ROLES } from "../../models/accounts/user.server";
export { addWord, removeWord, RemoveWordSchema, WordFormSchema } from "../../models/feedback/words-admin.server";
export { listWords, WORD_LANGS, WORD_LISTS } from "../../models/feedback/word-list.server";
export { InvalidCursor } from "../../models/db/cursor";

export { PERIOD_CODE } from "../../models/lib/codes";

/** Refusals the admin models throw: a translation key under admin:<area>.errors, the field it belongs to, its parameters. */
const REFUSALS = [
  { type: PeriodAdminError, area: "periods" },
  { type: OrganizationAdminError, area: "organizations" },
  { type: UserAdminError, area: "users" },
  { type: WordAdminError, area: "words" },
] as const;

function refusal(error: unknown, t: TFunction): Record<string, string> | null {
  for (const { type, area } of REFUSALS) {
    if (error instanceof type) return { [error.field]: t(`admin:${area}.errors.${error.code}`, error.params) };
  }
  return null;
}

/**
 * Parses a form with `schema` and runs `save`; a refused form comes back as a FormFailure with translated
 * messages (zod's, or a model's refusal such as a scale key still in use) and the values as typed.
 */
export async function submitForm<T>(
  form: FormData,
  schema: z.ZodType<T, z.ZodTypeDef, unknown>,
  t: TFunction,
  save: (input: T) => Promise<unknown>,
): Promise<FormFailure | null> {
  const parsed = parseForm(form, schema, t);
  if (!parsed.ok) return parsed.failure;
  try {
    await save(parsed.data);
    return null;
  } catch (error) {
    const errors = refusal(error, t);
    if (!errors) throw error;
    return { errors, values: typedValues(form) };
  }
}
