/**
 * `npm run bench -- [--url http://localhost:3000] [--duration 10] [--runs 3] [--connections 1]`: load-tests the
 * public summary (API and page) of a running server with autocannon and prints, per target, the median over
 * runs of the median (p50) and p99 latency and of requests per second. Not a test: nothing here asserts.
 */
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { z } from "zod";

const ArgsSchema = z.object({
  url: z.string().url("--url must be the server's base URL").default("http://localhost:3000"),
  duration: z.coerce.number().int().min(1).max(600).default(10),
  runs: z.coerce.number().int().min(1).max(20).default(3),
  connections: z.coerce.number().int().min(1).max(100).default(1),
  period: z.string().regex(/^[A-Za-z0-9_-]{1,32}$/).default("2011"),
});

const TARGETS = (period: string) => [
  `/api/v1/summary?period=${period}&groupBy=organization`,
  `/api/v1/summary?period=${period}&groupBy=district`,
  `/api/v1/summary.csv?period=${period}&groupBy=rating`,
  `/summary?period=${period}`,
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One request first, timed alone: the cold path (no memo yet for a fresh server). */
async function timeOne(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(url);
  await response.arrayBuffer();
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return performance.now() - started;
}

async function main(): Promise<void> {
  const { values } = parseArgs({ args: process.argv.slice(2), strict: true, options: { url: { type: "string" }, duration: { type: "string" }, runs: { type: "string" }, connections: { type: "string" }, period: { type: "string" } } });
  const parsed = ArgsSchema.safeParse(values);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(`${issue.path.join(".")}: ${issue.message}`);
    process.exit(2);
  }
  const args = parsed.data;
  console.log(`${args.runs} runs × ${args.duration}s, ${args.connections} connection(s), against ${args.url}`);
  for (const path of TARGETS(args.period)) {
    const url = `${args.url}${path}`;
    const first = await timeOne(url);
    const results = [];
    for (let run = 0; run < args.runs; run++) {
      const result = await autocannon({ url, connections: args.connections, duration: args.duration, headers: { "accept-language": "vi" } });
      if (result.non2xx > 0 || result.errors > 0) console.warn(`  ${path}: ${result.non2xx} non-2xx, ${result.errors} errors`);
      results.push(result);
    }
    const p50 = median(results.map((r) => r.latency.p50));
    const p99 = median(results.map((r) => r.latency.p99));
    const rps = median(results.map((r) => r.requests.average));
    console.log(`${path}\n  first request ${first.toFixed(0)} ms; median of runs: p50 ${p50} ms, p99 ${p99} ms, ${rps.toFixed(1)} req/s`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
