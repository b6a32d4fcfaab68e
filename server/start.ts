import type { ServerBuild } from "@remix-run/node";
import { startOrReuseEmbedded, type EmbeddedServer } from "../scripts/db/embedded";
import { createApp, markReady } from "./app";
import { appRuntime, type AppRuntime } from "./runtime";

/** MONGODB_URI when set, else the embedded FerretDB under DATA_DIR (reused when one already runs there). */
async function databaseUri({ env, log }: AppRuntime): Promise<{ uri: string; embedded: EmbeddedServer | null }> {
  const { MONGODB_URI, DATA_DIR } = env();
  if (MONGODB_URI) return { uri: MONGODB_URI, embedded: null };
  const embedded = await startOrReuseEmbedded(DATA_DIR, (line) => log.info(line));
  return { uri: embedded.uri, embedded };
}

/** Connects, retrying with back-off: the server answers 503 until the database is reachable. */
async function connectWithRetry({ database, log }: AppRuntime, uri: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await database.connect({ uri });
      return;
    } catch (error) {
      if (database.isIndexFault(error)) throw error;
      const wait = Math.min(30_000, 1000 * 2 ** Math.min(attempt, 5));
      log.warn(`database not reachable, retrying in ${wait / 1000}s`, { error: error instanceof Error ? error.message : String(error) });
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}

async function main(build: ServerBuild) {
  const runtime = appRuntime(build);
  const { env, log } = runtime;
  const config = env();
  const { uri, embedded } = await databaseUri(runtime);
  const app = createApp({ build });
  const server = app.listen(config.PORT, () => log.info(`Công Khai listening on http://localhost:${config.PORT}`));

  const shutdown = async (signal: string) => {
    log.info(`${signal}: shutting down`);
    server.close();
    await runtime.database.disconnect().catch(() => undefined);
    await embedded?.stop();
    process.exit(0);
  };
  process.once("SIGINT", () => void shutdown("SIGINT"));
  process.once("SIGTERM", () => void shutdown("SIGTERM"));

  await connectWithRetry(runtime, uri);
  log.info(embedded ? "connected to the embedded database" : "connected to MONGODB_URI");
  if (config.SEED_ON_START === "true") await runtime.seedIfEmpty({ log: (line) => log.info(line) });
  markReady();
  log.info("ready");
  // Organization merges run in the background; a restart resumes the unfinished ones.
  runtime.startMergeWorker({ onError: (error) => log.error(error, { message: "organization merge step failed" }) });
  // Warm the public summary's memo: on FerretDB its feedback aggregation scans every item, and no visitor should wait for that.
  const port = (server.address() as { port: number } | null)?.port ?? config.PORT;
  void fetch(`http://127.0.0.1:${port}/summary`).catch(() => undefined);
}

/** Serves the app in `build` (the Remix build: app/ and models/ come from it, never from source). */
export function start(build: ServerBuild): void {
  main(build).catch((error: unknown) => {
    appRuntime(build).log.error(error);
    process.exit(1);
  });
}
