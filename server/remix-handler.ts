import { createRequestHandler, type ServerBuild } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { remixRequest } from "./fetch-bridge";
import { sendCached } from "./http-cache";
import { createPageCache } from "./page-cache";
import { refuse } from "./refuse";
import type { AppRuntime } from "./runtime";

const UNAVAILABLE = {
  vi: "Cơ sở dữ liệu đang không phản hồi. Không có dữ liệu nào bị mất; vui lòng thử lại sau ít phút.",
  en: "The database is not answering. Nothing already saved is lost; please try again in a few minutes.",
};

function unexpected(requestId: string) {
  return { vi: `Đã có lỗi ngoài dự kiến. Mã tham chiếu: ${requestId}.`, en: `An unexpected error occurred. Reference: ${requestId}.` };
}

/**
 * The Remix handler, always in production mode so no stack trace reaches a client. A 5xx while the
 * database does not answer becomes a 503; any other 5xx from /api/* that is not already JSON
 * becomes the JSON error every API answer uses. Cache headers and ETags are set by sendCached; anonymous
 * public pages are reused from the page cache while nothing public has changed.
 */
export function remixHandler(build: ServerBuild, runtime: AppRuntime) {
  const handle = createRequestHandler(build, "production");
  const pages = createPageCache(runtime.publicGeneration);
  const signedIn = (req: Request) =>
    (req.get("cookie") ?? "").split(";").some((pair) => pair.trim().startsWith(`${runtime.sessionCookieName}=`));
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const locals = res.locals as { cspNonce: string; requestId: string; clientKey: string };
      const perRequest = { nonce: locals.cspNonce, requestId: locals.requestId };
      const key = pages.keyOf(req, signedIn(req));
      const cached = key ? pages.get(key, perRequest) : null;
      if (cached) return await sendCached({ req, res, response: cached, perRequest: [locals.cspNonce, locals.requestId], signedIn: false });
      const renderedAt = runtime.publicGeneration();
      const rendered = await handle(remixRequest(req, res), { ...locals });
      const response = key ? await pages.put(key, rendered, perRequest, renderedAt) : rendered;
      if (response.status >= 500 && !(await runtime.database.ping(1000))) {
        res.setHeader("Retry-After", "10");
        return refuse(req, res, 503, "database_unavailable", UNAVAILABLE);
      }
      const json = response.headers.get("content-type")?.includes("application/json") ?? false;
      if (response.status >= 500 && req.path.startsWith("/api/") && !json) {
        return refuse(req, res, response.status, "internal_error", unexpected(locals.requestId));
      }
      await sendCached({ req, res, response, perRequest: [locals.cspNonce, locals.requestId], signedIn: signedIn(req) });
    } catch (error) {
      next(error);
    }
  };
}

/** Last resort: log with the request id, answer without details. */
export function errorHandler({ log }: AppRuntime) {
  return (error: unknown, req: Request, res: Response, _next: NextFunction) => {
    const requestId = res.locals.requestId as string;
    log.error(error, { requestId, path: log.redactPath(req.path) });
    if (res.headersSent) return void res.end();
    refuse(req, res, 500, "internal_error", unexpected(requestId));
  };
}
