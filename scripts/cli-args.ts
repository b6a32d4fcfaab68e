/** What the command-line scripts share when they read their arguments. */
import { z } from "zod";
import { PERIOD_CODE } from "../models/lib/codes";

const EXIT_USAGE = 2;

/** `--period CODE`: the same code shape the admin pages accept. */
export function periodCodeArg() {
  return z.string({ required_error: "--period CODE is required" }).regex(PERIOD_CODE, "--period must be a period code such as 2011");
}

/**
 * The arguments `parse` reads (node:util parseArgs, then a zod schema); when parseArgs throws or the schema
 * rejects them, prints why and the usage line on stderr and exits 2 before anything touches the database.
 */
export function argumentsOrExit<T>(usage: string, parse: () => z.SafeParseReturnType<unknown, T>): T {
  let parsed;
  try {
    parsed = parse();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error), `\n${usage}`);
    process.exit(EXIT_USAGE);
  }
  if (!parsed.success) {
    for (const issue of parsed.error.issues) console.error(issue.message);
    console.error(usage);
    process.exit(EXIT_USAGE);
  }
  return parsed.data;
}
