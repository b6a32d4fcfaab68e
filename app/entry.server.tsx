import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { isRouteErrorResponse, RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { I18nextProvider } from "react-i18next";
import { connectDatabase, databaseConnected, disconnectDatabase, IndexBuildError, pingDatabase } from "../models/db/connection.server";
import { catalogSnapshot } from "../models/catalog/catalog-cache.server";
import { seedIfEmpty } from "../models/demo/demo";
import { startMergeWorker } from "../models/catalog/merge-job.server";
import { publicGeneration } from "../models/db/public-generation";
import { warmModerationQueue } from "../models/moderation/moderation-queue.server";
import { env, sessionSecret } from "./utils/env.server";
import { requestLocale, sharedI18n } from "./utils/i18n.server";
import { logError, logInfo, logWarn, redactPath } from "./utils/log.server";
import { checkRateLimit, sweepExpired } from "./utils/rate-limit.server";
import { flushMail } from "../models/feedback/decision-mail.server";
import { createClientKeyer, type ClientKeyer } from "./utils/client-address.server";
import { withoutTrailingNul } from "./utils/html-stream.server";
import { sessionCookie } from "./utils/session.server";

const ABORT_DELAY = 5_000;

export const streamTimeout = ABORT_DELAY;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  const instance = await sharedI18n(await requestLocale(request));

  // Bots and no-JS crawlers get the whole document at once; browsers get it streamed.
  const readyEvent = isbot(request.headers.get("user-agent") ?? "") ? "onAllReady" : "onShellReady";

  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <I18nextProvider i18n={instance}>
        <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={loadContext.cspNonce} />
      </I18nextProvider>,
      {
        nonce: loadContext.cspNonce,
        [readyEvent]() {
          shellRendered = true;
          const body = withoutTrailingNul();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          // Errors after the shell are already reported by handleError; log only shell-time ones.
          if (shellRendered) logError(error, { requestId: loadContext.requestId });
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

export const handleError: HandleErrorFunction = (error, { request, context }) => {
  if (request.signal.aborted) return;
  // A refusal Remix answered itself (a page without an action, a resource route's 403) is not a fault.
  if (isRouteErrorResponse(error) && error.status < 500) return;
  logError(error, { requestId: context.requestId, path: redactPath(new URL(request.url).pathname) });
};

let clientKeyer: ClientKeyer | undefined;

/**
 * What the Express layer (server/) takes from this build instead of loading app/ and models/ a second
 * time: the environment, the log, the database connection, the demo seed, the shared rate limiter,
 * the background organization merges and the warm-up of the in-process read models.
 */
export const runtime = {
  env,
  sessionSecret,
  sessionCookieName: sessionCookie.name,
  log: { info: logInfo, warn: logWarn, error: logError, redactPath },
  database: {
    connect: connectDatabase,
    disconnect: disconnectDatabase,
    connected: databaseConnected,
    ping: pingDatabase,
    /** An index that cannot be built is a fault to fix, not an outage to wait out. */
    isIndexFault: (error: unknown) => error instanceof IndexBuildError,
  },
  seedIfEmpty,
  checkRateLimit,
  /** Deletes expired rows (rate limits, invitations, residents' e-mail addresses); the server runs it on a timer too. */
  sweepExpired,
  /** Waits for decision mails already claimed (their addresses live only in memory) before the process stops. */
  flushMail,
  /** Who the client is (TRUST_PROXY, IPv6 by /64), as context.clientKey; built once from the environment. */
  clientKeyer: (): ClientKeyer =>
    (clientKeyer ??= createClientKeyer({
      trustProxy: env().TRUST_PROXY,
      production: env().NODE_ENV === "production",
      secret: sessionSecret(),
    })),
  startMergeWorker,
  /** Changes to public data so far: the server's page cache keeps a page only while this is unchanged. */
  publicGeneration,
  /** Loads the catalog and the moderation queue's index once, so no visitor or moderator waits for a scan. */
  warmUp: () => Promise.all([catalogSnapshot(), warmModerationQueue()]).then(() => undefined),
};

export type AppRuntime = typeof runtime;
