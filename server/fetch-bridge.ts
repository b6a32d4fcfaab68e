import { writeReadableStreamToWritable } from "@remix-run/node";
import type { Request as ExpressRequest, Response as ExpressResponse } from "express";

function fetchHeaders(incoming: ExpressRequest["headers"]): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming)) {
    for (const one of Array.isArray(value) ? value : value === undefined ? [] : [value]) headers.append(name, one);
  }
  return headers;
}

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
    headers: fetchHeaders(req.headers),
    signal: controller.signal,
    body: method === "GET" ? undefined : new Uint8Array(body ?? []),
  });
}

/**
 * Writes a Fetch Response to Express: status, every header (each Set-Cookie on its own), then the body as
 * it streams, or in one piece when it is already in memory (`body`).
 */
export async function sendResponse(res: ExpressResponse, response: Response, body?: Buffer): Promise<void> {
  res.statusMessage = response.statusText;
  res.status(response.status);
  for (const [name, value] of response.headers) res.append(name, value);
  if (body) return void res.end(body);
  if (!response.body) return void res.end();
  await writeReadableStreamToWritable(response.body, res);
}
