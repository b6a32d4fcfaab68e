/**
 * `DATA_DIR=… npm run bench:server -- [--port 3100] [--cpu-prof]`: serves the database in DATA_DIR the way
 * production would (see production-server.ts) until Ctrl-C, for `npm run bench -- --url …` or profiling.
 * `--cpu-prof` writes the server's V8 CPU profile to .cache/profiles/ when it stops.
 */
import { z } from "zod";
import { env } from "../../app/utils/env.server";
import { wholeNumberArg } from "../cli-args";
import { optionsOrExit } from "./args";
import { startProductionServer } from "./production-server";

const USAGE = "usage: DATA_DIR=… npm run bench:server -- [--port 3100] [--cpu-prof]   (after npm run build)";
const ArgsSchema = z.object({ port: wholeNumberArg("--port", 0, 65535).default("3100"), "cpu-prof": z.boolean().default(false) });

async function main(): Promise<void> {
  const args = optionsOrExit(USAGE, ArgsSchema, { strings: ["port"], flags: ["cpu-prof"] });
  const nodeArgs = args["cpu-prof"] ? ["--cpu-prof", "--cpu-prof-dir=.cache/profiles"] : [];
  const server = await startProductionServer({ dataDir: env().DATA_DIR, port: args.port, nodeArgs, log: console.log });
  const stop = async () => {
    const memory = server.memory();
    if (memory) console.log(`server memory: ${memory.rssMb} MB resident, peak ${memory.peakMb} MB`);
    await server.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
