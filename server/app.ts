import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import { databaseConnected, pingDatabase } from "../models/connection";
import { env } from "../app/utils/env.server";
import { logInfo } from "../app/utils/log.server";
import { openDataCors, sameOriginMutations, securityHeaders } from "./security";

/** One line per request: method, path, status, time, request id. No query strings, addresses or bodies. */
function requestLog(req: Request, res: Response, next: NextFunction) {
  const started = process.hrtime.bigint();
  res.on("finish", () => {
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    logInfo("request", { method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms), requestId: res.locals.requestId as string });
  });
  next();
}

let ready = false;

/** Called once the database is connected and seeded; until then every page and API answers 503. */
export function markReady(): void {
  ready = true;
}

/** While the driver has no connection, answer 503 at once instead of letting requests hang. */
function requireDatabase(req: Request, res: Response, next: NextFunction) {
  if (ready && databaseConnected()) return next();
  res.status(503).setHeader("Retry-After", "10");
  if (req.path.startsWith("/api/")) {
    res.json({ error: { code: "database_unavailable", message: "The database is not answering; try again shortly. / Cơ sở dữ liệu chưa phản hồi; vui lòng thử lại sau." } });
  } else {
    res.type("text/html; charset=utf-8").send(unavailablePage());
  }
}

function unavailablePage(): string {
  return `<!doctype html><html lang="vi"><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Công Khai — tạm gián đoạn</title><main><h1>Tạm thời gián đoạn</h1><p>Cơ sở dữ liệu đang không phản hồi. Không có dữ liệu nào bị mất; vui lòng thử lại sau ít phút.</p><p lang="en">The database is not answering. Nothing already saved is lost; please try again in a few minutes.</p></main></html>`;
}

export function createApp({ build }: { build: ServerBuild }) {
  const production = env().NODE_ENV === "production";
  const app = express();
  app.disable("x-powered-by");
  // Behind a load balancer the client address is in X-Forwarded-For; only private-network proxies are trusted.
  app.set("trust proxy", "loopback, linklocal, uniquelocal");
  app.use(compression());
  app.use(securityHeaders(production));
  app.use(requestLog);

  app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
  app.use(express.static("public", { maxAge: "1h" }));

  app.get("/healthz", async (_req, res) => {
    if (ready && (await pingDatabase())) return void res.json({ status: "ok" });
    res.status(503).json({ status: "unavailable", reason: ready ? "database not answering" : "starting: connecting to or seeding the database" });
  });

  app.use("/api", openDataCors);
  app.use(sameOriginMutations);
  app.use(requireDatabase);

  app.all(
    "*",
    createRequestHandler({
      build,
      mode: production ? "production" : "development",
      getLoadContext: (_req, res) => ({
        cspNonce: res.locals.cspNonce as string,
        requestId: res.locals.requestId as string,
        clientKey: res.locals.clientKey as string,
      }),
    }),
  );
  return app;
}
