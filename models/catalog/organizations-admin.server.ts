import { z } from "zod";
import { recordAudit, type AuditInput } from "../moderation/audit.server";
import { catalogChanged } from "./catalog-cache.server";
import { serialised } from "../db/connection.server";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { Evaluation } from "./evaluation.server";
import { applyMergeStructure, kickMergeWorker, MergeAlreadyRecorded, recordMerge } from "./merge-job.server";
import { DISTRICTS, Organization, ORGANIZATION_KINDS, type StoredOrganization } from "./organization.server";
import { escapeRegExp, searchKey, slugify } from "../lib/text";
import { organizationCodeSchema } from "../lib/codes";
import { cleanTextField } from "../lib/text-field";

const E = "admin:organizations.errors.";
const PAGE = 50;

/** One schema for the create and edit forms; `code` is only read on create (codes are stable). */
export const OrganizationFormSchema = z.object({
  code: organizationCodeSchema(`${E}code`),
  name: cleanTextField({ max: 200, message: `${E}name` }),
  kind: z.enum(ORGANIZATION_KINDS, { message: `${E}kind` }),
  district: z.enum(DISTRICTS, { message: `${E}district` }),
  members: z.coerce
    .number({ message: `${E}members` })
    .int(`${E}members`)
    .min(0, `${E}members`)
    .max(1_000_000, `${E}members`),
});
export type OrganizationInput = z.infer<typeof OrganizationFormSchema>;

export class OrganizationAdminError extends Error {
  constructor(
    readonly code: "codeTaken" | "notFound" | "mergeSelf" | "mergeTarget" | "mergeConflict" | "alreadyMerged",
    readonly field: string,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

type Actor = { id: string; email: string };
const projection = { code: 1, slug: 1, name: 1, kind: 1, district: 1, members: 1, active: 1, mergedInto: 1 };

export type AdminOrganization = StoredOrganization & { active: boolean; mergedInto: string | null };

function toView(doc: Omit<AdminOrganization, "id" | "mergedInto"> & { _id: unknown; mergedInto?: string | null }): AdminOrganization {
  return {
    id: String(doc._id),
    code: doc.code,
    slug: doc.slug,
    name: doc.name,
    kind: doc.kind,
    district: doc.district,
    members: doc.members,
    active: doc.active,
    mergedInto: doc.mergedInto ?? null,
  };
}

/** Organizations in code order, 50 a page, optionally matching `q` in the name (with or without diacritics) or exactly the code. */
export async function listOrganizationsAdmin({ q, cursor }: { q?: string; cursor?: string }) {
  const after = decodeCursor(cursor, "string");
  const filter: Record<string, unknown> = {};
  const key = q ? searchKey(q) : "";
  if (key) filter.$or = [{ nameSearch: { $regex: escapeRegExp(key) } }, { code: q!.trim() }];
  if (after) filter.code = { $gt: String(after.k) };
  const docs = await Organization.find(filter, projection)
    .sort({ code: 1, _id: 1 })
    .limit(PAGE + 1)
    .lean();
  const items = docs.slice(0, PAGE).map(toView);
  const last = items.at(-1);
  return { items, nextCursor: docs.length > PAGE && last ? encodeCursor({ k: last.code, id: last.id }) : null };
}

export async function getOrganizationAdmin({ code }: { code: string }): Promise<(AdminOrganization & { periods: string[] }) | null> {
  const doc = await Organization.findOne({ code }, projection).lean();
  if (!doc) return null;
  const evaluations = await Evaluation.find({ organization: doc._id }, { period: 1 }).sort({ period: -1, _id: -1 }).limit(100).lean();
  return { ...toView(doc), periods: evaluations.map((ev) => ev.period) };
}

async function findOrThrow(code: string, field: string) {
  const org = await getOrganizationAdmin({ code });
  if (!org) throw new OrganizationAdminError("notFound", field, { value: code });
  return org;
}

/** An audit event on one organization, named by its code. */
function auditOrganization(code: string, event: Omit<AuditInput, "targetType" | "targetId">): Promise<void> {
  return recordAudit({ ...event, targetType: "organization", targetId: code });
}

const isDuplicateKey = (error: unknown) => error instanceof Error && "code" in error && error.code === 11000;

/**
 * Creates the organization under a slug nobody holds: name-code, numbered on a clash. Two creates can pick
 * the same free slug at once, so a duplicate key while the code is still free means the slug was taken
 * meanwhile and the next number is tried; only a taken code is reported as such.
 */
async function createWithFreeSlug(input: OrganizationInput): Promise<void> {
  const base = slugify(`${input.name}-${input.code}`);
  let clashes = 0;
  for (let n = 1; ; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    if (await Organization.exists({ slug })) continue;
    try {
      await Organization.create({ code: input.code, slug, ...fields(input) });
      return;
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      if (await Organization.exists({ code: input.code })) throw new OrganizationAdminError("codeTaken", "code", { value: input.code });
      if (++clashes >= 10) throw error;
    }
  }
}

function fields(input: OrganizationInput) {
  return { name: input.name, nameSearch: searchKey(input.name), kind: input.kind, district: input.district, members: input.members };
}

export async function createOrganization({ input, actor }: { input: OrganizationInput; actor: Actor }): Promise<void> {
  await createWithFreeSlug(input);
  await catalogChanged();
  await auditOrganization(input.code, { actor, action: "organization.create", after: fields(input) });
}

/** The copies of an organization's fields that its evaluations carry, one serialised $set each (they share documents with counters). */
async function updateEvaluationCopies(evaluationIds: string[], set: Record<string, unknown>): Promise<void> {
  for (const id of evaluationIds) await serialised(Evaluation, id, () => Evaluation.updateOne({ _id: id }, { $set: set }));
}

async function evaluationIdsOf(organizationId: string): Promise<string[]> {
  const docs = await Evaluation.find({ organization: organizationId }, { _id: 1 }).limit(1000).lean();
  return docs.map((doc) => String(doc._id));
}

/** Saves the form; the evaluations' copies of name, kind and district follow so lists and search stay right. */
export async function updateOrganization({ code, input, actor }: { code: string; input: OrganizationInput; actor: Actor }): Promise<void> {
  const before = await findOrThrow(code, "code");
  const set = fields(input);
  await serialised(Organization, before.id, () => Organization.updateOne({ _id: before.id }, { $set: set }));
  const { name, nameSearch, kind, district } = set;
  await updateEvaluationCopies(await evaluationIdsOf(before.id), { orgName: name, nameSearch, kind, district });
  await catalogChanged();
  await auditOrganization(code, {
    actor,
    action: "organization.update",
    before: { name: before.name, kind: before.kind, district: before.district, members: before.members },
    after: set,
  });
}

export async function setOrganizationActive({ code, active, actor }: { code: string; active: boolean; actor: Actor }): Promise<void> {
  const before = await findOrThrow(code, "code");
  await serialised(Organization, before.id, () => Organization.updateOne({ _id: before.id }, { $set: { active } }));
  await catalogChanged();
  const action = active ? "organization.activate" : "organization.deactivate";
  await auditOrganization(code, { actor, action, before: { active: before.active }, after: { active } });
}

/**
 * Merges a duplicate into another organization: the duplicate's evaluations move to the target at once
 * (refused when the target already has one for the same period), so every new comment on them is the
 * target's; the duplicate is kept, inactive, with `mergedInto` so its old code can be explained and refused by
 * imports. Its existing feedback follows in the background (models/catalog/merge-job.server.ts), its progress on the admin page.
 */
export async function mergeOrganization({
  code,
  into,
  actor,
}: {
  code: string;
  into: string;
  actor: Actor;
}): Promise<{ evaluations: number }> {
  if (code === into) throw new OrganizationAdminError("mergeSelf", "into");
  const duplicate = await findOrThrow(code, "code");
  const target = await findOrThrow(into, "into");
  if (!target.active || target.mergedInto) throw new OrganizationAdminError("mergeTarget", "into", { value: into });
  if (duplicate.mergedInto) throw new OrganizationAdminError("alreadyMerged", "into");
  const clash = duplicate.periods.filter((period) => target.periods.includes(period));
  if (clash.length > 0) throw new OrganizationAdminError("mergeConflict", "into", { value: clash.join(", ") });

  try {
    await recordMerge({ from: duplicate, into: target, periods: duplicate.periods });
  } catch (error) {
    if (error instanceof MergeAlreadyRecorded) throw new OrganizationAdminError("alreadyMerged", "into");
    throw error;
  }
  await applyMergeStructure({ organizationId: duplicate.id });
  await auditOrganization(code, {
    actor,
    action: "organization.merge",
    after: { mergedInto: target.code, evaluations: duplicate.periods.length },
  });
  kickMergeWorker();
  return { evaluations: duplicate.periods.length };
}
