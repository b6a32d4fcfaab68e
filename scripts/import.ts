/**
 * `npm run import -- FILE.csv --period CODE [--dry-run]`: checks every row of a period's results file,
 * prints `line N: reason` for each bad one and exits 1 without writing anything; otherwise upserts by
 * (organization code, period), shows a progress bar on stderr and prints what was created, changed and
 * left alone. See docs/decisions/004-import-without-transactions.md.
 */
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import i18next from "i18next";
import { z } from "zod";
import { resources } from "../locales";
import { isFerretDB } from "../models/db/connection.server";
import { importResults, type ImportIssue } from "../models/import/import.server";
import { recountCounters } from "../models/summary/recount.server";
import { argumentsOrExit, cliText, exitUsage, periodCodeArg } from "./cli-args";
import { runScript } from "../embedded-db/open";
import { progressBar } from "./progress";

const USAGE = "usage: npm run import -- FILE.csv --period CODE [--dry-run]";

const ArgsSchema = z.object({
  files: z
    .array(z.string())
    .min(1, cliText("fileRequired"))
    .superRefine((files, ctx) => {
      if (files.length > 1) ctx.addIssue({ code: "custom", message: cliText("oneFile", { count: files.length }) });
    }),
  period: periodCodeArg(),
  "dry-run": z.boolean().default(false),
});

function parseCommand(argv: string[]) {
  const { values, positionals } = parseArgs({
    args: argv,
    strict: true,
    allowPositionals: true,
    options: { period: { type: "string" }, "dry-run": { type: "boolean" } },
  });
  return ArgsSchema.safeParse({ ...values, files: positionals });
}

/** Messages in English: the reasons are the same translation keys the page shows in Vietnamese. */
function englishReasons() {
  const i18n = i18next.createInstance();
  void i18n.init({ lng: "en", resources, initImmediate: false, interpolation: { escapeValue: false } });
  return (issue: ImportIssue) => `line ${issue.line}: ${i18n.t(issue.reason, issue.params)}`;
}

/** The file's bytes; a missing or unreadable file is a usage error (one line, exit 2), not a stack trace. */
function readFileOrExit(file: string): Uint8Array {
  try {
    return new Uint8Array(readFileSync(file));
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "?";
    if (code === "ENOENT") exitUsage(USAGE, cliText("fileMissing", { file }));
    if (code === "EISDIR") exitUsage(USAGE, cliText("fileNotFile", { file }));
    exitUsage(USAGE, cliText("fileUnreadable", { file, code }));
  }
}

function main(): void {
  const { files, period, "dry-run": dryRun } = argumentsOrExit(USAGE, () => parseCommand(process.argv.slice(2)));
  const bytes = readFileOrExit(files[0]!);
  const reason = englishReasons();

  void runScript(async (db) => {
    const started = performance.now();
    const report = await importResults({ bytes, period, dryRun, source: "cli", onProgress: progressBar("writing") });
    if (report.issues.length > 0) {
      for (const issue of report.issues) console.error(reason(issue));
      console.error(`${report.issues.length} problem(s) found: nothing was written.`);
      return 1;
    }
    // FerretDB writes whole documents back, so a $set from this process can undo a counter a running app raised
    // meanwhile; recount when an app may be running (we reused its server rather than starting our own).
    if (report.applied && report.changed > 0 && isFerretDB() && !db.embedded?.owned) {
      const recount = await recountCounters({ period });
      if (recount.repaired > 0) console.log(`${recount.repaired} counter(s) repaired after the import`);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(2);
    const counts = `created ${report.created}, changed ${report.changed}, unchanged ${report.unchanged} (${report.organizationsCreated} new organizations)`;
    console.log(`${period}: ${report.rows} rows, ${dryRun ? `dry run, nothing written; would have ${counts}` : counts} in ${seconds}s`);
    return 0;
  });
}

main();
