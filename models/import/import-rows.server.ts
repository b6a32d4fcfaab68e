import { z } from "zod";
import { CsvSyntaxError, decodeUtf8, parseCsv, restoreCell, type CsvRecord } from "../lib/csv";
import { DISTRICTS, ORGANIZATION_KINDS } from "../catalog/organization.server";
import type { ScaleEntry } from "../catalog/period.server";
import { cleanText, searchKey, slugify } from "../lib/text";
import { ORGANIZATION_CODE } from "../lib/codes";
import { cleanTextField } from "../lib/text-field";

/** One problem in an import file. `reason` is a translation key; `params` fill it in. */
export interface ImportIssue {
  line: number;
  reason: string;
  params?: Record<string, string | number>;
}

export interface MemberCount {
  key: string;
  count: number;
}

/** A valid row, cleaned: canonical kind, district and rating keys, NFC text. */
export interface ImportRow {
  line: number;
  code: string;
  name: string;
  kind: string;
  district: string;
  rating: string;
  members: number;
  summary: string;
  memberCounts: MemberCount[];
}

export const BASE_COLUMNS = ["code", "name", "kind", "district", "rating", "members", "summary"] as const;
const MEMBER_PREFIX = "members:";
const E = "admin:import.errors.";

/** The header a period's file must have: the base columns, then one per member-scale key. */
export function importColumns(memberScale: readonly ScaleEntry[]): string[] {
  return [...BASE_COLUMNS, ...memberScale.map((entry) => `${MEMBER_PREFIX}${entry.key}`)];
}

function lookup<T extends string>(values: readonly T[], key: (value: string) => string): Map<string, T> {
  return new Map(values.map((value) => [key(value), value]));
}

const districtsByKey = lookup(DISTRICTS, searchKey);
const kindsByKey = lookup(ORGANIZATION_KINDS, slugify);

/** A whole, non-negative number of people; the message says which of the two rules failed. */
function countSchema(required: boolean) {
  return z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      if (value === "" && !required) return;
      if (/^-\d+$/.test(value)) ctx.addIssue({ code: "custom", message: `${E}negativeCount` });
      else if (!/^\d{1,9}$/.test(value)) ctx.addIssue({ code: "custom", message: `${E}notACount` });
    })
    .transform((value) => (value === "" ? 0 : Number(value)));
}

/** The zod schema for the base columns of one row of a period's file. */
function rowSchema(ratingScale: readonly ScaleEntry[]) {
  const ratingsByKey = lookup(
    ratingScale.map((entry) => entry.key),
    slugify,
  );
  return z.object({
    code: z.string().trim().min(1, `${E}codeRequired`).regex(ORGANIZATION_CODE, `${E}codeInvalid`),
    name: cleanTextField({ max: 200, message: `${E}nameRequired`, tooLong: `${E}nameTooLong` }),
    kind: z.string().transform((value, ctx) => kindsByKey.get(slugify(value)) ?? invalid(ctx, `${E}unknownKind`)),
    district: z.string().transform((value, ctx) => districtsByKey.get(searchKey(value)) ?? invalid(ctx, `${E}unknownDistrict`)),
    rating: z.string().transform((value, ctx) => ratingsByKey.get(slugify(value)) ?? invalid(ctx, `${E}unknownRating`)),
    members: countSchema(true),
    // Line ends as LF, so a file that went through a browser textarea (CRLF) compares equal.
    summary: z
      .string()
      .transform((value) => cleanText(value).replace(/\r\n?/g, "\n"))
      .pipe(z.string().max(2000, `${E}summaryTooLong`)),
  });
}

/** One count column per member-scale key; an empty cell means nobody. */
function memberCountsSchema(memberScale: readonly ScaleEntry[]) {
  return z
    .object(Object.fromEntries(memberScale.map((entry) => [`${MEMBER_PREFIX}${entry.key}`, countSchema(false)])))
    .transform((counts) =>
      memberScale.map((entry): MemberCount => ({ key: entry.key, count: counts[`${MEMBER_PREFIX}${entry.key}`] ?? 0 })),
    );
}

function invalid(ctx: z.RefinementCtx, message: string): never {
  ctx.addIssue({ code: "custom", message });
  return z.NEVER;
}

function headerIssues(header: CsvRecord, expected: readonly string[]): ImportIssue[] {
  const names = header.fields.map((name) => name.trim());
  const missing = expected.filter((name) => !names.includes(name));
  const extra = names.filter((name, index) => !expected.includes(name) || names.indexOf(name) !== index);
  const issues: ImportIssue[] = [];
  if (missing.length > 0) issues.push({ line: header.line, reason: `${E}missingColumns`, params: { value: missing.join(", ") } });
  if (extra.length > 0)
    issues.push({ line: header.line, reason: `${E}extraColumns`, params: { value: extra.map((n) => n || '""').join(", ") } });
  return issues;
}

function rowIssues(line: number, raw: Record<string, string>, error: z.ZodError): ImportIssue[] {
  const seen = new Set<string>();
  const issues: ImportIssue[] = [];
  for (const issue of error.issues) {
    // Paths are ["base" | "memberCounts", column].
    const column = String(issue.path[1] ?? "");
    if (seen.has(column)) continue;
    seen.add(column);
    issues.push({ line, reason: issue.message, params: { column, value: raw[column] ?? "" } });
  }
  return issues;
}

export interface CheckedFile {
  rows: ImportRow[];
  issues: ImportIssue[];
}

/**
 * Checks every row of an import file against the period's scales before anything is written:
 * encoding, CSV syntax, header, field counts, each field, and codes repeated within the file.
 */
export function checkImportFile(
  bytes: Uint8Array,
  period: { ratingScale: readonly ScaleEntry[]; memberScale: readonly ScaleEntry[] },
): CheckedFile {
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) return { rows: [], issues: [{ line: decoded.line, reason: `${E}notUtf8` }] };
  let records: CsvRecord[];
  try {
    records = parseCsv(decoded.text);
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { rows: [], issues: [{ line: error.line, reason: `${E}${error.reason}` }] };
    throw error;
  }
  const [header, ...body] = records;
  const columns = importColumns(period.memberScale);
  if (!header) return { rows: [], issues: [{ line: 1, reason: `${E}empty` }] };
  const issues = headerIssues(header, columns);
  if (issues.length > 0) return { rows: [], issues };
  if (body.length === 0) return { rows: [], issues: [{ line: 2, reason: `${E}noRows` }] };

  const names = header.fields.map((name) => name.trim());
  const schema = z.object({ base: rowSchema(period.ratingScale), memberCounts: memberCountsSchema(period.memberScale) });
  const firstLineOfCode = new Map<string, number>();
  const rows: ImportRow[] = [];
  for (const record of body) {
    if (record.fields.length !== names.length) {
      issues.push({ line: record.line, reason: `${E}fieldCount`, params: { expected: names.length, actual: record.fields.length } });
      continue;
    }
    // restoreCell: our own exports neutralise formula-like text ("-" at the start of a summary, say).
    const raw = Object.fromEntries(names.map((name, index) => [name, restoreCell(record.fields[index] ?? "")]));
    const parsed = schema.safeParse({ base: raw, memberCounts: raw });
    if (!parsed.success) {
      issues.push(...rowIssues(record.line, raw, parsed.error));
      continue;
    }
    const { base: row, memberCounts } = parsed.data;
    const first = firstLineOfCode.get(row.code);
    if (first !== undefined) {
      issues.push({ line: record.line, reason: `${E}duplicateCode`, params: { value: row.code, first } });
      continue;
    }
    firstLineOfCode.set(row.code, record.line);
    rows.push({ line: record.line, ...row, memberCounts });
  }
  return { rows, issues };
}
