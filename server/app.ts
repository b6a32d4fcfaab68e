import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { bodyLimit } from "./body-limit";
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
      log.info("request", { method: req.method, path: log.redactPath(req.path), status: res.statusCode, ms: Math.round(ms), requestId: res.locals.requestId as string });
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
      refuse(req, res, 429, "rate_limited", { vi: "Quá nhiều yêu cầu; vui lòng thử lại sau ít phút.", en: "Too many requests; please try again in a few minutes." });
    } catch (error) {
      // The limiter must not take the site down with it; the database guard answers real outages.
      log.error(error, { requestId: res.locals.requestId as string, message: "rate limiter failed" });
      next();
    }
  };
}

let ready = false;

/** Called once the database is connected and seeded; until then every page and API answers 503. */
export function markReady(): void {
  ready = true;
}

/** While the driver has no connection, answer 503 at once instead of letting requests hang. */
function requireDatabase({ database }: AppRuntime) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (ready && database.connected()) return next();
    res.setHeader("Retry-After", "10");
    refuse(req, res, 503, "database_unavailable", {
      vi: "Cơ sở dữ liệu đang không phản hồi. Không có dữ liệu nào bị mất; vui lòng thử lại sau ít phút.",
      en: "The database is not answering. Nothing already saved is lost; please try again in a few minutes.",
    });
  };
}

export function createApp({ build }: { build: ServerBuild }) {
  const runtime = appRuntime(build);
  const production = runtime.env().NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer the client address is in X-Forwarded-For; only private-network proxies are trusted.
  app.set("trust proxy", "loopback, linklocal, uniquelocal");
  app.use(compression());
  app.use(securityHeaders({ production, secret: runtime.sessionSecret() }));
  app.use(requestLog(runtime));

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.get("/healthz", async (_req, res) => {
    if (ready && (await runtime.database.ping())) return void res.json({ status: "ok" });
    res.status(503).json({ status: "unavailable", reason: ready ? "database not answering" : "starting: connecting to or seeding the database" });
  });

  app.use("/api", openDataCors);
  app.use(sameOriginMutations);
  app.use(bodyLimit);
  app.use(requireDatabase(runtime));
  app.use(mutationRateLimit(runtime));

  // use, not all("*"): a route pattern would decode the path and answer a malformed escape with 500.
  app.use(remixHandler(build, runtime));
  app.use(errorHandler(runtime));
  return app;
}
