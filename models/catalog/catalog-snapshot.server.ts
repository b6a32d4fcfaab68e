import type { Types } from "mongoose";
import { readCatalogVersion } from "./catalog-version.server";
import { compareRows, copyCounters, type CatalogRow } from "./catalog-rows";
import { Evaluation, type Counters } from "./evaluation.server";
import { Organization } from "./organization.server";
import { listPeriods, type PeriodView } from "./period.server";
import type { OrganizationDetail } from "./catalog.server";

/** An organization as the public detail page needs it. */
export type CatalogOrganization = Pick<OrganizationDetail, "code" | "name" | "kind" | "district" | "members" | "mergedInto"> & {
  id: string;
};

/** Everything the public catalog shows, read with one query per collection and kept in memory. */
export interface Snapshot {
  /** The catalog version token read before the data: a different stored token means reload. */
  token: string;
  loadedAt: number;
  /** Published periods, newest first. */
  periods: PeriodView[];
  organizations: Map<string, CatalogOrganization>;
  /** Period code → its rows in list order (orgCode, _id). */
  rowsByPeriod: Map<string, CatalogRow[]>;
  rowsById: Map<string, CatalogRow>;
  /** Organization id → its rows in every published period. */
  rowsByOrganization: Map<string, CatalogRow[]>;
  /** Rows whose counters a concurrent $inc may have missed or not: re-read by _id, deltas skipped meanwhile. */
  refetch: Set<string>;
}

const EVALUATION_PROJECTION = {
  period: 1,
  organization: 1,
  orgCode: 1,
  orgName: 1,
  nameSearch: 1,
  kind: 1,
  district: 1,
  rating: 1,
  members: 1,
  memberCounts: 1,
  summary: 1,
  counters: 1,
  residentCounters: 1,
  proposed: 1,
  rejected: 1,
  followUp: 1,
  ratingHistory: 1,
};
export const COUNTER_PROJECTION = { counters: 1, residentCounters: 1, proposed: 1, rejected: 1, followUp: 1 };

interface StoredCounters {
  counters?: Partial<Counters>;
  residentCounters?: Partial<Counters>;
  proposed?: Record<string, number>;
  rejected?: Record<string, number>;
  followUp?: Record<string, number>;
}

type StoredEvaluation = StoredCounters &
  Omit<CatalogRow, "id" | "organization" | "memberCounts" | "summary" | "ratingHistory" | keyof StoredCounters> & {
    ratingHistory?: { from: string; to: string; revisedAt: Date; note?: string; caseId: string }[];
    _id: Types.ObjectId;
    organization: Types.ObjectId;
    memberCounts?: { key: string; count: number }[];
    summary?: string;
  };

interface StoredOrganization {
  _id: Types.ObjectId;
  code: string;
  name: string;
  kind: string;
  district: string;
  members: number;
  mergedInto?: string | null;
}

/** The counter fields of a stored evaluation as plain numbers (absent keys are zero). */
export function countersOf(doc: StoredCounters): Pick<CatalogRow, "counters" | "residentCounters" | "proposed" | "rejected" | "followUp"> {
  const numbers = (map: Record<string, number> | undefined) =>
    Object.fromEntries(Object.entries(map ?? {}).map(([key, n]) => [key, Number(n)]));
  return {
    counters: copyCounters(doc.counters),
    residentCounters: copyCounters(doc.residentCounters),
    proposed: numbers(doc.proposed),
    rejected: numbers(doc.rejected),
    followUp: numbers(doc.followUp),
  };
}

function toRow(doc: StoredEvaluation): CatalogRow {
  return {
    id: String(doc._id),
    organization: String(doc.organization),
    period: doc.period,
    orgCode: doc.orgCode,
    orgName: doc.orgName,
    nameSearch: doc.nameSearch,
    kind: doc.kind,
    district: doc.district,
    rating: doc.rating,
    members: doc.members,
    memberCounts: (doc.memberCounts ?? []).map((m) => ({ key: m.key, count: m.count })),
    summary: doc.summary ?? "",
    ratingHistory: (doc.ratingHistory ?? []).map((r) => ({
      from: r.from,
      to: r.to,
      revisedAt: r.revisedAt.toISOString(),
      note: r.note ?? "",
      caseId: r.caseId,
    })),
    ...countersOf(doc),
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Reads the catalog: the version token first (a write after it is seen at the next check), then the
 * published periods, every organization and the published periods' evaluations (one query each; the
 * evaluations query uses the {period, orgCode, _id} index on MongoDB).
 */
export async function loadSnapshot(): Promise<Snapshot> {
  const token = await readCatalogVersion();
  const periods = await listPeriods();
  const [organizations, evaluations] = await Promise.all([
    Organization.find({}, { code: 1, name: 1, kind: 1, district: 1, members: 1, mergedInto: 1 }).lean<StoredOrganization[]>(),
    Evaluation.find({ period: { $in: periods.map((p) => p.code) } }, EVALUATION_PROJECTION).lean<StoredEvaluation[]>(),
  ]);
  const snapshot: Snapshot = {
    token,
    loadedAt: Date.now(),
    periods,
    organizations: new Map(
      organizations.map((o) => [
        o.code,
        {
          id: String(o._id),
          code: o.code,
          name: o.name,
          kind: o.kind,
          district: o.district,
          members: o.members,
          mergedInto: o.mergedInto ?? null,
        },
      ]),
    ),
    rowsByPeriod: new Map(periods.map((p) => [p.code, []])),
    rowsById: new Map(),
    rowsByOrganization: new Map(),
    refetch: new Set(),
  };
  for (const row of evaluations.map(toRow).sort(compareRows)) {
    push(snapshot.rowsByPeriod, row.period, row);
    push(snapshot.rowsByOrganization, row.organization, row);
    snapshot.rowsById.set(row.id, row);
  }
  return snapshot;
}
