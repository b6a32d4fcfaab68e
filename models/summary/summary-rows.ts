import type { Counters } from "../catalog/evaluation.server";
import type { Label, ScaleEntry } from "../catalog/period.server";
import { agreement, type Agreement } from "../lib/wilson";

/** What the summary needs of one evaluation: its grouping keys and its materialised counters. */
export interface CounterDoc {
  id: string;
  orgCode: string;
  orgName: string;
  district: string;
  rating: string;
  kind: string;
  counters: Counters;
  residentCounters: Counters;
  proposed: Record<string, number>;
  rejected: Record<string, number>;
}

export const GROUP_BYS = ["organization", "district", "rating", "kind", "period"] as const;
export type GroupBy = (typeof GROUP_BYS)[number];
export type Language = "vi" | "en";

export interface StanceCounts {
  agree: number;
  disagree: number;
  neutral: number;
}

/** One row of GET /api/v1/summary. The first ten fields are the public contract; the rest are extras. */
export interface SummaryRow extends Agreement {
  key: string;
  label: string;
  organizations: number;
  agree: number;
  disagree: number;
  neutral: number;
  pending: number;
  /** Approved feedback: agree + disagree + neutral. */
  total: number;
  /** Self-declared residents of the area, and everyone else, counted apart. */
  residents: StanceCounts & Agreement;
  others: StanceCounts & Agreement;
  /** Disagreeing residents' proposed ratings: rating key → count. */
  proposed: Record<string, number>;
}

export interface LabelSource {
  lang: Language;
  ratingScale: ScaleEntry[];
  periodCode: string;
  periodTitle: Label;
}

function groupKey(doc: CounterDoc, groupBy: GroupBy, periodCode: string): string {
  switch (groupBy) {
    case "organization":
      return doc.orgCode;
    case "district":
      return doc.district;
    case "rating":
      return doc.rating;
    case "kind":
      return doc.kind;
    case "period":
      return periodCode;
  }
}

interface Accumulator {
  key: string;
  label: string;
  organizations: number;
  counters: Counters;
  residents: StanceCounts;
  proposed: Record<string, number>;
}

function emptyAccumulator(key: string, label: string): Accumulator {
  return {
    key,
    label,
    organizations: 0,
    counters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    residents: { agree: 0, disagree: 0, neutral: 0 },
    proposed: {},
  };
}

function addDoc(acc: Accumulator, doc: CounterDoc): void {
  acc.organizations += 1;
  for (const field of ["agree", "disagree", "neutral", "pending"] as const) acc.counters[field] += doc.counters[field] ?? 0;
  for (const field of ["agree", "disagree", "neutral"] as const) acc.residents[field] += doc.residentCounters[field] ?? 0;
  addInto(acc.proposed, doc.proposed);
}

/** Adds every count of `source` into `target` (maps of key → count). */
export function addInto(target: Record<string, number>, source: Record<string, number>): void {
  for (const [key, n] of Object.entries(source)) target[key] = (target[key] ?? 0) + n;
}

function withAgreement(counts: StanceCounts): StanceCounts & Agreement {
  return { ...counts, ...agreement(counts.agree, counts.disagree) };
}

function toRow(acc: Accumulator): SummaryRow {
  const { agree, disagree, neutral, pending } = acc.counters;
  const others = {
    agree: agree - acc.residents.agree,
    disagree: disagree - acc.residents.disagree,
    neutral: neutral - acc.residents.neutral,
  };
  return {
    key: acc.key,
    label: acc.label,
    organizations: acc.organizations,
    agree,
    disagree,
    neutral,
    pending,
    total: agree + disagree + neutral,
    ...agreement(agree, disagree),
    residents: withAgreement(acc.residents),
    others: withAgreement(others),
    proposed: acc.proposed,
  };
}

/** Human label of a group key in the request's language; organization names and districts are proper names. */
function labelFor(doc: CounterDoc, groupBy: GroupBy, source: LabelSource): string {
  if (groupBy === "organization") return doc.orgName;
  if (groupBy === "rating") return source.ratingScale.find((s) => s.key === doc.rating)?.label[source.lang] ?? doc.rating;
  if (groupBy === "period") return source.periodTitle[source.lang];
  // Kinds are keys the pages translate (common:kinds); districts are proper names.
  return groupBy === "kind" ? doc.kind : doc.district;
}

/** One collator for every sort: localeCompare(…, "vi") builds a new one per comparison (10 ms for 920 rows). */
export const byVietnamese = new Intl.Collator("vi").compare;

/** Rows in a stable order: the rating scale's order for ratings, otherwise by key (Vietnamese alphabet). */
function orderRows(rows: SummaryRow[], groupBy: GroupBy, scale: ScaleEntry[]): SummaryRow[] {
  if (groupBy === "rating") {
    const rank = (key: string) => {
      const index = scale.findIndex((s) => s.key === key);
      return index === -1 ? scale.length : index;
    };
    return rows.sort((a, b) => rank(a.key) - rank(b.key) || byVietnamese(a.key, b.key));
  }
  return rows.sort((a, b) => byVietnamese(a.key, b.key));
}

/** Groups evaluations' counters into summary rows; every grouping of the same docs has the same sums. */
export function summaryRows(docs: readonly CounterDoc[], groupBy: GroupBy, source: LabelSource): SummaryRow[] {
  const groups = new Map<string, Accumulator>();
  for (const doc of docs) {
    const key = groupKey(doc, groupBy, source.periodCode);
    let acc = groups.get(key);
    if (!acc) {
      acc = emptyAccumulator(key, labelFor(doc, groupBy, source));
      groups.set(key, acc);
    }
    addDoc(acc, doc);
  }
  return orderRows([...groups.values()].map(toRow), groupBy, source.ratingScale);
}

export interface Transparency {
  approved: number;
  pending: number;
  rejected: number;
  /** reject reason → count */
  rejectedByReason: Record<string, number>;
}

/** The public moderation line: how much was published, is waiting, was rejected and why. */
export function moderationTransparency(docs: readonly CounterDoc[]): Transparency {
  const out: Transparency = { approved: 0, pending: 0, rejected: 0, rejectedByReason: {} };
  for (const doc of docs) {
    out.approved += doc.counters.agree + doc.counters.disagree + doc.counters.neutral;
    out.pending += doc.counters.pending;
    addInto(out.rejectedByReason, doc.rejected);
  }
  out.rejected = Object.values(out.rejectedByReason).reduce((sum, n) => sum + n, 0);
  return out;
}
