import { Types } from "mongoose";
import { Evaluation } from "../catalog/evaluation.server";
import type { ImportIssue, ImportRow, MemberCount } from "./import-rows.server";
import { Organization, type StoredOrganization } from "../catalog/organization.server";
import { searchKey, slugify } from "../lib/text";

export interface ExistingEvaluation {
  id: string;
  organization: string;
  orgCode: string;
  orgName: string;
  nameSearch: string;
  kind: string;
  district: string;
  rating: string;
  members: number;
  memberCounts: MemberCount[];
  summary: string;
}

export type RowOutcome = "created" | "changed" | "unchanged";

export interface PlannedRow {
  line: number;
  code: string;
  name: string;
  outcome: RowOutcome;
  /** Which imported fields differ from what is stored (empty when created or unchanged). */
  fields: string[];
}

type OrganizationFields = Pick<StoredOrganization, "name" | "kind" | "district" | "members"> & { nameSearch: string };
type EvaluationFields = Omit<ExistingEvaluation, "id" | "organization">;

/** Every write an import needs, computed in memory; only what differs is written. */
export interface ImportPlan {
  rows: PlannedRow[];
  issues: ImportIssue[];
  organizationInserts: (OrganizationFields & { _id: Types.ObjectId; code: string; slug: string })[];
  organizationUpdates: { id: string; set: Partial<OrganizationFields> }[];
  evaluationInserts: (EvaluationFields & { _id: Types.ObjectId; period: string; organization: Types.ObjectId })[];
  evaluationUpdates: { id: string; set: Partial<EvaluationFields> }[];
}

/** Everything the plan compares against, in two reads (FerretDB scans per query, so read once). */
export async function loadImportState(period: string) {
  const [organizations, evaluations] = await Promise.all([
    Organization.find({}, { code: 1, slug: 1, name: 1, kind: 1, district: 1, members: 1, mergedInto: 1 }).lean(),
    Evaluation.find(
      { period },
      { organization: 1, orgCode: 1, orgName: 1, nameSearch: 1, kind: 1, district: 1, rating: 1, members: 1, memberCounts: 1, summary: 1 },
    ).lean(),
  ]);
  return {
    organizations: organizations.map(({ _id, ...rest }): StoredOrganization => ({ ...rest, id: String(_id) })),
    evaluations: evaluations.map(
      ({ _id, organization, memberCounts, summary, ...rest }): ExistingEvaluation => ({
        ...rest,
        id: String(_id),
        organization: String(organization),
        memberCounts: memberCounts.map((m) => ({ key: m.key, count: m.count })),
        summary: summary ?? "",
      }),
    ),
  };
}

/** Member counts compare as maps: a key stored without a count and a count of 0 are the same. */
function sameCounts(a: readonly MemberCount[], b: readonly MemberCount[]): boolean {
  const count = (list: readonly MemberCount[], key: string) => list.find((m) => m.key === key)?.count ?? 0;
  const keys = new Set([...a, ...b].map((m) => m.key));
  return [...keys].every((key) => count(a, key) === count(b, key));
}

function differingFields<T extends object>(stored: T, wanted: T): Partial<T> {
  const set: Partial<T> = {};
  for (const key of Object.keys(wanted) as (keyof T)[]) {
    const same =
      key === "memberCounts" ? sameCounts(stored[key] as MemberCount[], wanted[key] as MemberCount[]) : stored[key] === wanted[key];
    if (!same) set[key] = wanted[key];
  }
  return set;
}

/** A slug no other organization holds: name-code, with a number added on a clash. */
function freeSlug(base: string, taken: Set<string>): string {
  let slug = base;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  taken.add(slug);
  return slug;
}

/** The changed fields as the file names them: the evaluation's copies of the name count as `name`. */
function shownFields(changed: Set<string>): string[] {
  const names = [...changed].map((key) => (key === "orgName" ? "name" : key)).filter((key) => key !== "nameSearch" && key !== "orgCode");
  return [...new Set(names)].sort();
}

/** Compares checked rows with what is stored and returns the writes; refuses rows for merged organizations. */
export function planImport(period: string, rows: readonly ImportRow[], state: Awaited<ReturnType<typeof loadImportState>>): ImportPlan {
  const orgByCode = new Map(state.organizations.map((org) => [org.code, org]));
  const evalByOrg = new Map(state.evaluations.map((ev) => [ev.organization, ev]));
  const slugs = new Set(state.organizations.map((org) => org.slug));
  const plan: ImportPlan = {
    rows: [],
    issues: [],
    organizationInserts: [],
    organizationUpdates: [],
    evaluationInserts: [],
    evaluationUpdates: [],
  };

  for (const row of rows) {
    const existing = orgByCode.get(row.code);
    if (existing?.mergedInto) {
      plan.issues.push({
        line: row.line,
        reason: "admin:import.errors.mergedOrganization",
        params: { value: row.code, target: existing.mergedInto },
      });
      continue;
    }
    const nameSearch = searchKey(row.name);
    const orgFields: OrganizationFields = { name: row.name, nameSearch, kind: row.kind, district: row.district, members: row.members };
    const evalFields: EvaluationFields = {
      orgCode: row.code,
      orgName: row.name,
      nameSearch,
      kind: row.kind,
      district: row.district,
      rating: row.rating,
      members: row.members,
      memberCounts: row.memberCounts,
      summary: row.summary,
    };
    let organizationId: Types.ObjectId;
    const changed = new Set<string>();
    if (existing) {
      organizationId = new Types.ObjectId(existing.id);
      const set = differingFields({ ...existing, nameSearch: searchKey(existing.name) }, orgFields);
      if (Object.keys(set).length > 0) plan.organizationUpdates.push({ id: existing.id, set });
      for (const key of Object.keys(set)) changed.add(key);
    } else {
      organizationId = new Types.ObjectId();
      plan.organizationInserts.push({
        _id: organizationId,
        code: row.code,
        slug: freeSlug(slugify(`${row.name}-${row.code}`), slugs),
        ...orgFields,
      });
    }
    const evaluation = existing ? evalByOrg.get(existing.id) : undefined;
    if (evaluation) {
      const set = differingFields(evaluation as EvaluationFields, evalFields);
      if (Object.keys(set).length > 0) plan.evaluationUpdates.push({ id: evaluation.id, set });
      for (const key of Object.keys(set)) changed.add(key);
    } else {
      plan.evaluationInserts.push({ _id: new Types.ObjectId(), period, organization: organizationId, ...evalFields });
    }
    const outcome: RowOutcome = !evaluation ? "created" : changed.size > 0 ? "changed" : "unchanged";
    plan.rows.push({ line: row.line, code: row.code, name: row.name, outcome, fields: shownFields(changed) });
  }
  return plan;
}
