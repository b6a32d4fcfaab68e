import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { bodyLimit } from "./body-limit";
import { createLifecycle, type Lifecycle, type Phase } from "./lifecycle";
import { pageMethods } from "./page-methods";
import { refuse } from "./refuse";
import { errorHandler, remixHandler } from "./remix-handler";
import { appRuntime, type AppRuntime } from "./runtime";
import { openDataCors, sameOriginMutations, securityHeaders } from "./security";

/** One line per request: method, path (secrets redacted), status, time, request id. No query strings, addresses or bodies. */
function requestLog({ log }: AppRuntime) {
  return (req: Request, res: Response, next: NextFunction) => {
    const started = process.hrtime.bigint();
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log.info("request", {
        method: req.method,
        path: log.redactPath(req.path),
        status: res.statusCode,
        ms: Math.round(ms),
        requestId: res.locals.requestId as string,
      });
    });
    next();
  };
}

/** Every state-changing request, per client address hash, across all instances (stored in the database). */
const MUTATION_LIMIT = { bucket: "mutations", limit: 120, windowMs: 60_000 };

function mutationRateLimit({ checkRateLimit, log }: AppRuntime) {
  return async (req: Request, res: Response, next: NextFunction) => {
    if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
    try {
      const result = await checkRateLimit(MUTATION_LIMIT, res.locals.clientKey as string);
      if (result.allowed) return next();
      res.setHeader("Retry-After", String(result.retryAfter));
      refuse(req, res, 429, "rate_limited", {
        vi: "Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.",
        en: "Too many requests; please try again in a few minutes.",
      });
    } catch (error) {
      // The limiter must not take the site down with it; the database guard answers real outages.
      log.error(error, { requestId: res.locals.requestId as string, message: "rate limiter failed" });
      next();
    }
  };
}

/** Until start-up work is done, and while the driver has no connection, answer 503 at once instead of letting requests hang. */
function requireDatabase({ database }: AppRuntime, lifecycle: Lifecycle) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (lifecycle.phase() !== "starting" && database.connected()) return next();
    res.setHeader("Retry-After", "10");
    refuse(req, res, 503, "database_unavailable", {
      vi: "Cơ sở dữ liệu đang không phản hồi. Không có dữ liệu nào bị mất; vui lòng thử lại sau ít phút.",
      en: "The database is not answering. Nothing already saved is lost; please try again in a few minutes.",
    });
  };
}

const NOT_READY: Record<Exclude<Phase, "ready">, string> = {
  starting: "starting: connecting to or seeding the database",
  stopping: "shutting down: finishing the requests in flight",
};

/** Liveness answers while the process serves; readiness also needs start-up done, no SIGTERM yet, and the database answering. */
function probes(app: express.Express, { database }: AppRuntime, lifecycle: Lifecycle) {
  app.get("/livez", (_req, res) => void res.json({ status: "ok" }));
  const readiness = async (_req: Request, res: Response) => {
    const phase = lifecycle.phase();
    res.setHeader("Cache-Control", "no-store");
    if (phase !== "ready")
      return void res
        .status(503)
        .json({ status: "unavailable", reason: (phase === "starting" ? lifecycle.fault() : null) ?? NOT_READY[phase] });
    if (await database.ping()) return void res.json({ status: "ok" });
    res.status(503).json({ status: "unavailable", reason: "database not answering" });
  };
  app.get("/readyz", readiness);
  app.get("/healthz", readiness);
}

/**
 * compression's brotli output decoded with NUL bytes in the middle of our pages (seen with curl's and
 * Node's decoders, not with gzip), so brotli is never negotiated: every browser also accepts gzip.
 */
function withoutBrotli(req: Request, _res: Response, next: NextFunction) {
  const accepted = req.headers["accept-encoding"];
  if (accepted)
    req.headers["accept-encoding"] = accepted
      .split(",")
      .filter((token) => !/^\s*br\b/i.test(token))
      .join(",");
  next();
}

/** The Express app around the Remix build; `lifecycle` says when it is ready and counts the requests in flight. */
export function createApp({ build, lifecycle = createLifecycle() }: { build: ServerBuild; lifecycle?: Lifecycle }) {
  const runtime = appRuntime(build);
  const production = runtime.env().NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // TRUST_PROXY decides which hops may name the client (X-Forwarded-For) and the scheme (X-Forwarded-Proto).
  const clients = runtime.clientKeyer();
  app.set("trust proxy", clients.trust);
  app.use(withoutBrotli);
  app.use(compression());
  app.use(securityHeaders({ production, clientKeyOf: clients.keyOf }));
  app.use(requestLog(runtime));
  probes(app, runtime, lifecycle);
  app.use(lifecycle.track);

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  // Only names with an extension can be files in public/: pages skip the file-system look-up.
  const publicFiles = express.static("public", { maxAge: "1h" });
  app.use((req, res, next) => (/\.[a-z0-9]+$/i.test(req.path) ? publicFiles(req, res, next) : next()));

  app.use("/api", openDataCors);
  app.use(sameOriginMutations);
  app.use(bodyLimit);
  app.use(pageMethods);
  app.use(requireDatabase(runtime, lifecycle));
  app.use(mutationRateLimit(runtime));

  // use, not all("*"): a route pattern would decode the path and answer a malformed escape with 500.
  app.use(remixHandler(build, runtime));
  app.use(errorHandler(runtime));
  return app;
}
