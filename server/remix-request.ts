import { createRemixHeaders } from "@remix-run/express/dist/server.js";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

/**
 * The Fetch Request Remix handles. The body is the one bodyLimit already read and capped (never the
 * socket), and HEAD runs as GET so it can carry the same ETag; Node sends no body for HEAD anyway.
 */
export function remixRequest(req: ExpressRequest, res: ExpressResponse): Request {
  const origin = `${req.protocol}://${req.get("host") ?? "localhost"}`;
  // Joined as text, not resolved: a path such as //other.example must stay a path on this host.
  const url = URL.canParse(`${origin}${req.originalUrl}`) ? `${origin}${req.originalUrl}` : `http://localhost${req.originalUrl}`;
  const controller = new AbortController();
  // Stop loaders and actions when the client leaves before the answer is complete.
  res.on("close", () => {
    if (!res.writableFinished) controller.abort();
  });
  const method = req.method === "HEAD" ? "GET" : req.method;
  const body = res.locals.body as Buffer | undefined;
  return new Request(url, {
    method,
    headers: createRemixHeaders(req.headers),
    signal: controller.signal,
    body: method === "GET" ? undefined : new Uint8Array(body ?? []),
  });
}
