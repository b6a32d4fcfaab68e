import { recordAudit } from "../moderation/audit.server";
import { applyPlan, type Progress } from "./import-apply.server";
import { loadImportState, planImport, type PlannedRow } from "./import-plan.server";
import { checkImportFile, importColumns, type ImportIssue } from "./import-rows.server";
import { getPeriod } from "../catalog/period.server";
import { toCsv } from "../lib/csv";

export type { ImportIssue } from "./import-rows.server";
export type { PlannedRow } from "./import-plan.server";

export interface ImportReport {
  period: string;
  /** True when the plan was written; false for a dry run or a file with bad rows. */
  applied: boolean;
  rows: number;
  created: number;
  changed: number;
  unchanged: number;
  organizationsCreated: number;
  /** Every bad row, by line; if there is one, nothing was written. */
  issues: ImportIssue[];
  planned: PlannedRow[];
}

export interface ImportInput {
  bytes: Uint8Array;
  period: string;
  dryRun?: boolean;
  actor?: { id: string; email: string } | null;
  /** Where the import came from, for the audit trail: "web" or "cli". */
  source: "web" | "cli";
  onProgress?: Progress;
}

function countOutcomes(planned: readonly PlannedRow[]) {
  const count = (outcome: PlannedRow["outcome"]) => planned.filter((row) => row.outcome === outcome).length;
  return { created: count("created"), changed: count("changed"), unchanged: count("unchanged") };
}

/**
 * Imports a period's results: checks every row, plans the writes against what is stored, and
 * (unless a dry run, or any row is bad) writes only what differs. Upserts by (code, period).
 */
export async function importResults(input: ImportInput): Promise<ImportReport> {
  const period = await getPeriod({ code: input.period });
  const empty = {
    period: input.period,
    applied: false,
    rows: 0,
    created: 0,
    changed: 0,
    unchanged: 0,
    organizationsCreated: 0,
    planned: [],
  };
  if (!period) return { ...empty, issues: [{ line: 0, reason: "admin:import.errors.unknownPeriod", params: { value: input.period } }] };

  const checked = checkImportFile(input.bytes, period);
  if (checked.issues.length > 0) return { ...empty, issues: checked.issues };

  const plan = planImport(period.code, checked.rows, await loadImportState(period.code));
  const report: ImportReport = {
    ...empty,
    rows: checked.rows.length,
    ...countOutcomes(plan.rows),
    organizationsCreated: plan.organizationInserts.length,
    issues: plan.issues,
    planned: plan.rows,
  };
  if (plan.issues.length > 0 || input.dryRun) return report;

  await applyPlan(plan, input.onProgress);
  await recordAudit({
    actor: input.actor,
    action: "import.apply",
    targetType: "period",
    targetId: period.code,
    note: input.source,
    after: {
      rows: report.rows,
      created: report.created,
      changed: report.changed,
      unchanged: report.unchanged,
      organizationsCreated: report.organizationsCreated,
    },
  });
  return { ...report, applied: true };
}

/** The downloadable template: the period's header and one example row. */
export async function importTemplate({ period: code }: { period: string }): Promise<string | null> {
  const period = await getPeriod({ code });
  if (!period) return null;
  const example = ["BH-0001", "Chi bộ Khu phố 1, phường Trung Dũng", "chi-bo-co-so", "Biên Hòa", period.ratingScale[0]?.key ?? "", 0, ""];
  return toCsv([importColumns(period.memberScale), [...example, ...period.memberScale.map(() => 0)]]);
}
