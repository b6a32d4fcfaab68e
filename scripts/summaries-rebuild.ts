/**
 * `npm run summaries:rebuild [-- --period CODE] [--dry-run] [--read-models]`: recounts every evaluation's counters from the
 * feedback collection, prints each drift (organization, field, stored → recount), repairs it with $inc deltas
 * (safe while the app serves: see docs/decisions/003-counters-and-recount.md) and prints a one-line total.
 * `--read-models` first rebuilds the read models derived from feedback (queue, published lists, tracking codes):
 * the app keeps them exact as it writes, so this is for feedback written behind its back (a restored backup);
 * it also removes the clear-text contacts older versions kept on feedback items. Each step says on stderr when it
 * starts, that it is still running, and how long it took (scripts/progress.ts).
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { rebuildDecisionDays } from "../models/moderation/decision-days.server";
import { rebuildFeedbackReadModels, type ReadModelsReport } from "../models/feedback/read-models.server";
import { removeClearContacts } from "../models/feedback/contact.server";
import { recountCounters, type Drift } from "../models/summary/recount.server";
import { openDueReviews } from "../models/review/review-open.server";
import { argumentsOrExit, periodCodeArg } from "./cli-args";
import { runScript } from "../embedded-db/open";
import { progressSteps, seconds } from "./progress";

const USAGE = "usage: npm run summaries:rebuild [-- --period CODE] [--dry-run] [--read-models]";

const ArgsSchema = z.object({
  period: periodCodeArg().optional(),
  "dry-run": z.boolean().default(false),
  "read-models": z.boolean().default(false),
});

function parseCommand(argv: string[]) {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { period: { type: "string" }, "dry-run": { type: "boolean" }, "read-models": { type: "boolean" } },
  });
  return ArgsSchema.safeParse(values);
}

function driftLine(d: Drift): string {
  return `drift ${d.period} ${d.orgCode} ${d.field}: ${d.stored} → ${d.recount}`;
}

function readModelsLine(r: ReadModelsReport): string {
  return `read models rebuilt from ${r.feedback} feedback items in ${(r.ms / 1000).toFixed(1)} s: ${r.codes} tracking codes, ${r.queue} queued, ${r.published} published on ${r.organizations} organizations`;
}

function main(): void {
  const { period, "dry-run": dryRun, "read-models": readModels } = argumentsOrExit(USAGE, () => parseCommand(process.argv.slice(2)));

  void runScript(async () => {
    const started = Date.now();
    const step = progressSteps((readModels && !dryRun ? 2 : 0) + (dryRun ? 1 : 3));
    if (readModels && !dryRun) console.log(readModelsLine(await step("rebuilding the read models", rebuildFeedbackReadModels)));
    // One-off: contacts once sat in clear on the feedback items; they are sealed apart now (docs/decisions/015).
    if (readModels && !dryRun)
      console.log(`clear-text contacts removed from ${await step("removing clear-text contacts", removeClearContacts)} feedback items`);
    if (!dryRun)
      console.log(
        `decision statistics: ${await step("rebuilding decision statistics", rebuildDecisionDays)} days brought in line with the audit trail`,
      );
    const report = await step("recounting every counter", () => recountCounters({ period, dryRun }));
    for (const drift of report.drifts) console.log(driftLine(drift));
    for (const drift of report.unresolved) console.log(`still moving, run again: ${driftLine(drift)}`);
    const verb = dryRun ? "found (dry run, nothing written)" : "repaired";
    console.log(
      `${report.checked} evaluations checked, ${dryRun ? report.drifts.length : report.repaired} drifts ${verb} in ${seconds(Date.now() - started)}`,
    );
    // After the repair: a case due on the recounted numbers opens now (idempotent, one per rating version).
    if (!dryRun) console.log(`re-review: ${await step("opening re-reviews now due", () => openDueReviews({ period }))} cases opened`);
    return 0;
  });
}

main();
