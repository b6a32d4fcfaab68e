/**
 * `npm run db:indexes [-- --dry-run]`: makes every collection's indexes match the models (builds the
 * missing ones, drops the ones no model declares) on MONGODB_URI or the embedded database, and prints
 * them. Production runs it once per deployment, as instances no longer build indexes when they start.
 * Exit 1 when an index cannot be built (named as such), 2 on bad arguments.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { syncAllIndexes, type CollectionIndexes } from "../models/db/db-indexes.server";
import { argumentsOrExit } from "./cli-args";
import { runScript } from "../embedded-db/open";

const USAGE = "usage: npm run db:indexes [-- --dry-run]";

const ArgsSchema = z.object({ "dry-run": z.boolean().default(false) }).strict();

function parseCommand(argv: string[]) {
  const { values } = parseArgs({ args: argv, strict: true, allowPositionals: false, options: { "dry-run": { type: "boolean" } } });
  return ArgsSchema.safeParse(values);
}

function report(collection: CollectionIndexes, dryRun: boolean): string[] {
  const [create, drop] = dryRun ? ["would create", "would drop"] : ["created", "dropped"];
  const lines = [`${collection.collection} (${collection.model})`];
  for (const name of collection.created) lines.push(`  ${create} ${name}`);
  for (const name of collection.dropped) lines.push(`  ${drop} ${name}`);
  for (const index of collection.indexes) lines.push(`  ${index.name} ${JSON.stringify(index.key)}${index.unique ? " unique" : ""}`);
  return lines;
}

function main(): void {
  const { "dry-run": dryRun } = argumentsOrExit(USAGE, () => parseCommand(process.argv.slice(2)));

  // Connect without building indexes: building them, and saying what failed, is this script's own work.
  void runScript(
    async () => {
      const { collections, failures } = await syncAllIndexes({ dryRun });
      for (const collection of collections) console.log(report(collection, dryRun).join("\n"));
      for (const failure of failures) console.error(failure.message);
      const changes = collections.reduce((sum, collection) => sum + collection.created.length + collection.dropped.length, 0);
      console.log(
        `${collections.length} collections, ${changes} index changes${dryRun ? " needed (dry run, nothing written)" : ""}, ${failures.length} failures`,
      );
      return failures.length > 0 ? 1 : 0;
    },
    { buildIndexes: false },
  );
}

main();
