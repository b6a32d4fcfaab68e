import type { ServerBuild } from "@remix-run/node";
import { resolveDatabase, type EmbeddedServer } from "../embedded-db/launcher";
import type { Server } from "node:http";
import { createApp } from "./app";
import { createLifecycle, type Lifecycle } from "./lifecycle";
import { appRuntime, type AppRuntime } from "./runtime";

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

/** How often the server deletes expired rows without waiting for a request to trigger it. */
const SWEEP_EVERY_MS = 60 * 60_000;

/** How long decision mails being sent get after the requests are done (a retry waiting longer is given up). */
const MAIL_LIMIT_MS = 5_000;

/** How long requests in flight get to finish after SIGTERM (systemd and Kubernetes wait 30 s before SIGKILL). */
const DRAIN_LIMIT_MS = 20_000;

interface Running {
  runtime: AppRuntime;
  lifecycle: Lifecycle;
  server: Server;
  embedded: EmbeddedServer | null;
}

/** Not ready at once, requests in flight finish (up to the limit), then the database disconnects and the process exits 0. */
async function shutdown({ runtime, lifecycle, server, embedded }: Running, signal: string): Promise<void> {
  const { log } = runtime;
  lifecycle.stop();
  log.info(`${signal}: not ready; finishing the requests in flight`);
  const drained = await lifecycle.drained(DRAIN_LIMIT_MS);
  if (!drained) log.warn(`requests still in flight after ${DRAIN_LIMIT_MS / 1000}s; closing them`);
  const closed = new Promise((resolve) => server.close(resolve));
  server.closeAllConnections();
  await closed;
  // A decision mail being sent holds an address that is no longer stored: give it a moment to go out.
  await Promise.race([runtime.flushMail(), new Promise((resolve) => setTimeout(resolve, MAIL_LIMIT_MS))]);
  await runtime.database.disconnect().catch(() => undefined);
  await embedded?.stop();
  log.info("stopped");
  process.exit(0);
}

async function main(build: ServerBuild, lifecycle: Lifecycle) {
  const runtime = appRuntime(build);
  const { env, log } = runtime;
  const config = env();
  const { uri, embedded } = await resolveDatabase({
    mongodbUri: config.MONGODB_URI,
    dataDir: config.DATA_DIR,
    production: config.NODE_ENV === "production",
    log: (line) => log.info(line),
  });
  const app = createApp({ build, lifecycle });
  const server = app.listen(config.PORT, () =>
    log.info(`Công Khai listening on http://localhost:${listeningPort(server)}`, { port: listeningPort(server) }),
  );
  const onSignal = (signal: string) => void shutdown({ runtime, lifecycle, server, embedded }, signal);
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);

  try {
    await connectWithRetry(runtime, uri);
  } catch (error) {
    if (!runtime.database.isIndexFault(error)) throw error;
    // Restarting would fail the same way: stay up, not ready, so /readyz and the log say what to fix.
    log.error(error, { message: "index build failed: fix the data or the schema, then restart" });
    lifecycle.markFaulty(error instanceof Error ? error.message : String(error));
    return;
  }
  log.info(embedded ? "connected to the embedded database" : "connected to MONGODB_URI");
  // Demo data never goes into a production database (env() also refuses SEED_ON_START=true there).
  if (config.SEED_ON_START === "true" && config.NODE_ENV !== "production") await runtime.seedIfEmpty({ log: (line) => log.info(line) });
  lifecycle.markReady();
  log.info("ready");
  // Expired rows go even when nobody posts: an e-mail address must not outlive its retention period.
  setInterval(() => void runtime.sweepExpired(new Date()), SWEEP_EVERY_MS).unref();
  // Organization merges run in the background; a restart resumes the unfinished ones.
  runtime.startMergeWorker({ onError: (error) => log.error(error, { message: "organization merge step failed" }) });
  // Load the catalog and the queue's index now rather than on the first visitor's or moderator's request.
  runtime.warmUp().catch((error: unknown) => log.warn("warm-up failed; the first request will load instead", { error: String(error) }));
}

/** The port actually bound (PORT=0 picks a free one). */
function listeningPort(server: Server): number {
  return (server.address() as { port: number } | null)?.port ?? 0;
}

/** Serves the app in `build` (the Remix build: app/ and models/ come from it, never from source). */
function start(build: ServerBuild): void {
  const lifecycle = createLifecycle();
  main(build, lifecycle).catch((error: unknown) => {
    // A signal during start-up disconnects the database under the seed; the shutdown owns the exit then.
    if (lifecycle.phase() === "stopping") return;
    appRuntime(build).log.error(error);
    process.exit(1);
  });
}

/**
 * Loads the build and checks the environment before serving it: its modules read the environment as they
 * load, and a refused one (production without MONGODB_URI, CAPTCHA=off, ...) or a missing build is one
 * clear message and exit code 1, not a stack trace.
 */
export async function startFrom(load: () => Promise<ServerBuild>): Promise<void> {
  let build: ServerBuild;
  try {
    build = await load();
    appRuntime(build).env();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  }
  start(build);
}
