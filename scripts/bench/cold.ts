/**
 * `DATA_DIR=… tsx scripts/bench/cold.ts [--runs 5] [--period 2011]`: what the summary costs without the
 * in-process memo, measured on the database directly: the counters read behind /api/v1/summary and the
 * participation aggregation behind /summary. Prints the median of `runs` timings of each.
 */
import { z } from "zod";
import { periodCodeArg, wholeNumberArg } from "../cli-args";
import { optionsOrExit } from "./args";
import { getPeriod } from "../../models/catalog/period.server";
import { getSummary } from "../../models/summary/summary.server";
import { feedbackPerDay } from "../../models/summary/summary-activity.server";
import { runScript } from "../../embedded-db/open";

const USAGE = "usage: DATA_DIR=… tsx scripts/bench/cold.ts [--runs 5] [--period 2011]";
const ArgsSchema = z.object({ runs: wholeNumberArg("--runs", 1, 50).default("5"), period: periodCodeArg().default("2011") });

async function medianMs(runs: number, task: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await task();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return Math.round(times[Math.floor(times.length / 2)]!);
}

function main(): void {
  const { runs, period: code } = optionsOrExit(USAGE, ArgsSchema, { strings: ["runs", "period"] });
  void runScript(async () => {
    const period = await getPeriod({ code });
    if (!period) return (console.error(`no period ${code}`), 1);
    const summary = await medianMs(runs, () => getSummary({ period, groupBy: "organization", lang: "vi" }));
    const participation = await medianMs(runs, () => feedbackPerDay({ period: code }));
    console.log(`median of ${runs}: summary from counters (no memo) ${summary} ms; participation aggregation ${participation} ms`);
    return 0;
  });
}

main();
