import { beforeAll } from "vitest";
import { action as editAction } from "../../app/routes/admin.organizations.$code";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";

/**
 * For the files that edit and merge organizations as an admin: an admin session and the periods 2011 and 2012,
 * made before the file's tests (call it after `setupTestDatabase()`), and the edit form as that admin posts it.
 */
export function setupOrganizationAdmin() {
  const admin = { cookie: "" };
  beforeAll(async () => {
    admin.cookie = (await createStaff("admin")).cookie;
    await createPeriod({ code: "2011" });
    await createPeriod({ code: "2012" });
  });
  const edit = (code: string, form: Record<string, string>) =>
    callRoute(editAction, `/admin/organizations/${code}`, { cookie: admin.cookie, params: { code }, form });
  return { admin, edit };
}

/** An organization rated in 2011 and its duplicate (`code`B, "name (trùng)") rated in 2012: what a merge joins. */
export async function createDuplicatePair(input: { code: string; name: string; district: string; duplicateDistrict?: string }) {
  const district = input.duplicateDistrict ?? input.district;
  const target = await createRatedOrganization({ code: input.code, name: input.name, period: "2011", district: input.district });
  const duplicate = await createRatedOrganization({ code: `${input.code}B`, name: `${input.name} (trùng)`, period: "2012", district });
  return { target, duplicate };
}
