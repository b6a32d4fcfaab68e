import type { ScaleEntry } from "../catalog/period.server";
import type { CounterDoc, SummaryRow } from "./summary-rows";
import { addInto, byVietnamese } from "./summary-rows";
import { agreement, MIN_SIDES_FOR_RATE, roundRate, type Agreement } from "../lib/wilson";

/**
 * Rows by the interval's upper bound, lowest first: a group is listed as "low agreement" only when even
 * the optimistic end of its 95% interval is low, so three angry comments cannot top the list.
 */
export function lowestAgreement(rows: SummaryRow[], limit: number): SummaryRow[] {
  return rows
    .filter((row) => row.ci95 !== null)
    .sort((a, b) => a.ci95![1] - b.ci95![1] || byVietnamese(a.key, b.key))
    .slice(0, limit);
}

export interface AttentionRow extends SummaryRow {
  campaignFlags: number;
  reasons: ("low-agreement" | "campaign")[];
}

/** Organizations whose agreement upper bound is below `threshold`, or whose feedback carries a campaign flag. */
export function needingAttention(rows: SummaryRow[], campaignFlags: Map<string, number>, threshold: number): AttentionRow[] {
  const out: AttentionRow[] = [];
  for (const row of rows) {
    const flags = campaignFlags.get(row.key) ?? 0;
    const reasons: AttentionRow["reasons"] = [];
    if (row.ci95 && row.ci95[1] < threshold) reasons.push("low-agreement");
    if (flags > 0) reasons.push("campaign");
    if (reasons.length > 0) out.push({ ...row, campaignFlags: flags, reasons });
  }
  return out.sort((a, b) => (a.ci95?.[1] ?? 1) - (b.ci95?.[1] ?? 1) || b.campaignFlags - a.campaignFlags || byVietnamese(a.key, b.key));
}

const ATTENTION_PAGE_SIZE = 50;

export interface AttentionPage {
  rows: AttentionRow[];
  /** Organizations needing attention in all, on every page. */
  total: number;
  /** 1-based positions of the first and last row shown (from > to when the page is past the end). */
  from: number;
  to: number;
  /** The next page's number, or null on the last page. */
  nextPage: number | null;
}

/** One page of the sorted attention list: offset paging in memory, since the list is bounded by the organizations. */
export function attentionPage(all: AttentionRow[], page: number, size = ATTENTION_PAGE_SIZE): AttentionPage {
  const start = (page - 1) * size;
  const rows = all.slice(start, start + size);
  return { rows, total: all.length, from: start + 1, to: start + rows.length, nextPage: start + size < all.length ? page + 1 : null };
}

/** Campaign flags keyed by organization code, from flags keyed by evaluation id. */
export function flagsByOrganization(docs: readonly CounterDoc[], byEvaluation: Map<string, number>): Map<string, number> {
  const out = new Map<string, number>();
  for (const doc of docs) {
    const n = byEvaluation.get(doc.id);
    if (n) out.set(doc.orgCode, (out.get(doc.orgCode) ?? 0) + n);
  }
  return out;
}

export interface CrossTable {
  /** Published ratings (rows) and proposed ratings (columns), in the scale's order. */
  ratings: string[];
  /** cells[published][proposed] = approved disagreeing items proposing that rating. */
  cells: Record<string, Record<string, number>>;
}

/** Published rating × the rating disagreeing residents would give instead. */
export function proposedCrossTable(docs: readonly CounterDoc[], scale: ScaleEntry[]): CrossTable {
  const cells: Record<string, Record<string, number>> = {};
  for (const doc of docs) addInto((cells[doc.rating] ??= {}), doc.proposed);
  const known = scale.map((s) => s.key);
  const extra = Object.keys(cells).filter((key) => !known.includes(key));
  return { ratings: [...known, ...extra.sort()], cells };
}

export interface YearOverYearRow {
  key: string;
  label: string;
  /** period code → that period's agreement (sides taken = agree + disagree). */
  periods: Record<string, Agreement & { sides: number }>;
  /** Change in rate from the first to the last period, when both have enough sides; else null. */
  change: number | null;
}

/** Agreement per organization across periods (oldest first), organizations present in any of them. */
export function yearOverYear(byPeriod: { code: string; rows: SummaryRow[] }[]): YearOverYearRow[] {
  const out = new Map<string, YearOverYearRow>();
  for (const { code, rows } of byPeriod) {
    for (const row of rows) {
      const entry = out.get(row.key) ?? { key: row.key, label: row.label, periods: {}, change: null };
      entry.periods[code] = { ...agreement(row.agree, row.disagree), sides: row.agree + row.disagree };
      out.set(row.key, entry);
    }
  }
  const first = byPeriod[0]?.code;
  const last = byPeriod[byPeriod.length - 1]?.code;
  for (const entry of out.values()) {
    const a = first ? entry.periods[first] : undefined;
    const b = last && last !== first ? entry.periods[last] : undefined;
    if (a && b && a.agreementRate !== null && b.agreementRate !== null && a.sides >= MIN_SIDES_FOR_RATE && b.sides >= MIN_SIDES_FOR_RATE) {
      entry.change = roundRate(b.agreementRate - a.agreementRate);
    }
  }
  return [...out.values()].sort((x, y) => (x.change ?? Infinity) - (y.change ?? Infinity) || byVietnamese(x.key, y.key));
}
