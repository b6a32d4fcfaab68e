import { connectDatabase, disconnectDatabase } from "../../models/connection";
import { env } from "../../app/utils/env.server";
import { startOrReuseEmbedded, type EmbeddedServer } from "./embedded";

export interface OpenDatabase {
  uri: string;
  embedded: EmbeddedServer | null;
  close(): Promise<void>;
}

/** The URI to use: MONGODB_URI when set, else the embedded FerretDB (reused or started). */
export async function resolveDatabase(log: (line: string) => void = console.log): Promise<{ uri: string; embedded: EmbeddedServer | null }> {
  const { MONGODB_URI, DATA_DIR } = env();
  if (MONGODB_URI) return { uri: MONGODB_URI, embedded: null };
  const embedded = await startOrReuseEmbedded(DATA_DIR, log);
  return { uri: embedded.uri, embedded };
}

/** For command-line scripts: connect now or fail with one clear line. `buildIndexes` as in connectDatabase. */
export async function openDatabase(log: (line: string) => void = console.log, { buildIndexes }: { buildIndexes?: boolean } = {}): Promise<OpenDatabase> {
  const { uri, embedded } = await resolveDatabase(log);
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
export async function runScript(body: (db: OpenDatabase) => Promise<number | void>, options: { buildIndexes?: boolean } = {}): Promise<void> {
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
