import { toCsv } from "../lib/csv";
import type { SummaryRow } from "./summary-rows";

export const SUMMARY_CSV_HEADER = [
  "key",
  "label",
  "organizations",
  "agree",
  "disagree",
  "neutral",
  "pending",
  "total",
  "agreementRate",
  "ci95Low",
  "ci95High",
] as const;

/** The summary rows as RFC 4180 CSV (with a BOM, see toCsv); the numbers are the JSON's, a null rate is an empty cell. */
export function summaryCsv(rows: SummaryRow[]): string {
  const lines = rows.map((row) => [
    row.key,
    row.label,
    row.organizations,
    row.agree,
    row.disagree,
    row.neutral,
    row.pending,
    row.total,
    row.agreementRate ?? "",
    row.ci95?.[0] ?? "",
    row.ci95?.[1] ?? "",
  ]);
  return toCsv([SUMMARY_CSV_HEADER, ...lines]);
}
