/**
 * `npm run seed [-- --force]`: writes the Đồng Nai demo data (920 organizations, 2011 open for
 * comments, 2012 closed). Refuses a database that already has periods or organizations (exit 1)
 * unless --force, which replaces them and their feedback but keeps users. Bad arguments exit 2.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { runScript } from "../embedded-db/open";
import { DatabaseNotEmpty, seedDemo } from "../models/demo/demo";
import { stagedProgress } from "./progress";
import { argumentsOrExit } from "./cli-args";

const USAGE = "usage: npm run seed [-- --force]";
const EXIT_FAILED = 1;

const ArgsSchema = z.object({ force: z.boolean().default(false) }).strict();

function parseCommand(argv: string[]) {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { force: { type: "boolean" } } });
  return ArgsSchema.safeParse(values);
}

const { force } = argumentsOrExit(USAGE, () => parseCommand(process.argv.slice(2)));

await runScript(async () => {
  try {
    await seedDemo({ force, log: (line) => console.log(line), progress: stagedProgress() });
    return 0;
  } catch (error) {
    if (!(error instanceof DatabaseNotEmpty)) throw error;
    console.error(error.message);
    return EXIT_FAILED;
  }
});
