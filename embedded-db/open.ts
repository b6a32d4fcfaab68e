import { env } from "../app/utils/env.server";
import { connectDatabase, disconnectDatabase } from "../models/db/connection.server";
import { resolveDatabase, type EmbeddedServer } from "./launcher";

export interface OpenDatabase {
  uri: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/** For command-line scripts: connect now or fail with one clear line. `buildIndexes` as in connectDatabase. */
export async function openDatabase(
  log: (line: string) => void = console.log,
  { buildIndexes }: { buildIndexes?: boolean } = {},
): Promise<OpenDatabase> {
  const { MONGODB_URI, DATA_DIR, NODE_ENV } = env();
  const { uri, embedded } = await resolveDatabase({
    mongodbUri: MONGODB_URI,
    dataDir: DATA_DIR,
    production: NODE_ENV === "production",
    log,
  });
  await connectDatabase({ uri, buildIndexes });
  return {
    uri,
    embedded,
    async close() {
      await disconnectDatabase();
      await embedded?.stop();
    },
  };
}

/** Runs a script body against the database and exits non-zero with a readable message on failure. */
export async function runScript(
  body: (db: OpenDatabase) => Promise<number | void>,
  options: { buildIndexes?: boolean } = {},
): Promise<void> {
  let db: OpenDatabase | undefined;
  let code = 0;
  try {
    db = await openDatabase(console.log, options);
    code = (await body(db)) ?? 0;
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    code = 1;
  } finally {
    await db?.close().catch(() => undefined);
  }
  process.exit(code);
}
