/** `npm run bench` arguments, and the durations and limits they imply (`--quick` for a smoke run). */
import { parseArgs } from "node:util";
import { z } from "zod";
import { argumentsOrExit, cliText, wholeNumberArg } from "../cli-args";

export const USAGE = `usage: npm run bench -- [--serve | --url http://127.0.0.1:3000] [--duration S] [--connections C] [--quick]
  Measures our server beside a minimal Remix route it builds and starts itself. --serve (after npm run build)
  starts our server as production runs it on the database in DATA_DIR (scripts/bench/production-server.ts);
  --url measures a running one, started with TRUST_PROXY=1 (the flood's residents each have their own address)
  and CAPTCHA=off or npm run bench:server. Run the bench with the server's DATA_DIR: it creates bench staff accounts there.
  The bench writes to that database (comments, decisions): use a copy, never real data.`;

const ArgsSchema = z.object({
  url: z
    .string()
    .url(cliText("benchUrl"))
    .default("http://127.0.0.1:3000")
    .transform((value) => new URL(value))
    .refine((url) => url.protocol === "http:" && ["127.0.0.1", "localhost"].includes(url.hostname), cliText("benchUrl"))
    .transform((url) => `http://127.0.0.1:${url.port || "80"}`),
  duration: wholeNumberArg("--duration", 1, 120).optional(),
  connections: wholeNumberArg("--connections", 1, 200).default("50"),
  quick: z.boolean().default(false),
  serve: z.boolean().default(false),
});

export interface Settings {
  url: string;
  /** Start our server in production mode on DATA_DIR instead of measuring the one at `url`. */
  serve: boolean;
  connections: number;
  /** Seconds per measurement (each target idle, then loaded). */
  duration: number;
  /** Seconds of the intake flood. */
  flood: number;
  /** Comments posted before measuring: tracking codes for /feedback/:code and items to decide. */
  seedComments: number;
  decisions: number;
  /** Organizations whose evaluations the comments go to. */
  sample: number;
  settleMs: number;
  lookupMs: number;
}

export function readSettings(argv: string[]): Settings {
  const args = optionsOrExit(USAGE, ArgsSchema, { strings: ["url", "duration", "connections"], flags: ["quick", "serve"], argv });
  const quick = args.quick;
  return {
    url: args.url,
    serve: args.serve,
    connections: args.connections,
    duration: args.duration ?? (quick ? 2 : 10),
    flood: quick ? 2 : 30,
    seedComments: quick ? 5 : 20,
    decisions: quick ? 5 : 50,
    sample: quick ? 5 : 20,
    settleMs: quick ? 20_000 : 120_000,
    lookupMs: quick ? 60_000 : 300_000,
  };
}

/**
 * The options in `argv` (`strings` take a value, `flags` do not), checked by `schema`; on a mistake, prints why
 * and the usage on stderr and exits 2 before anything starts.
 */
export function optionsOrExit<S extends z.ZodTypeAny>(
  usage: string,
  schema: S,
  { strings = [], flags = [], argv = process.argv.slice(2) }: { strings?: string[]; flags?: string[]; argv?: string[] },
): z.output<S> {
  const options = Object.fromEntries([
    ...strings.map((name) => [name, { type: "string" as const }] as const),
    ...flags.map((name) => [name, { type: "boolean" as const }] as const),
  ]);
  return argumentsOrExit(usage, () => schema.safeParse(parseArgs({ args: argv, strict: true, options }).values));
}
