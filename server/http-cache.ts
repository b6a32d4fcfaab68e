import { createHash } from "node:crypto";
import type { Request, Response as ExpressResponse } from "express";
import { sendResponse } from "./fetch-bridge";

/** Revalidate every time: an ETag makes that a 304 without a body, and a decision shows at once. */
const PUBLIC_PAGE = "public, max-age=0, must-revalidate";
const PRIVATE = "private, no-store";
/** Public answers differ by language (Accept-Language or the language cookie) and encoding. */
const PUBLIC_VARY = "Accept-Language, Cookie, Accept-Encoding";

/** Staff pages and their APIs, and the pages that set a session. */
const STAFF_PATH = /^\/(moderation|admin|committee|login|logout|invite)([/.]|$)|^\/api\/v1\/moderation([/.]|$)/i;
/** A tracking code in the path is a secret: whoever has it can withdraw the comment. */
const TRACKING_PATH = /^\/(api\/v1\/)?feedback\/[^/]/i;

export interface CachePolicy {
  cacheControl: string;
  /** Whether the answer gets an ETag (and a 304 when the client's copy matches). */
  etag: boolean;
}

/** What an answer may be cached as: only anonymous, successful reads of public pages and open data are. */
export function cachePolicy(input: {
  path: string;
  method: string;
  status: number;
  signedIn: boolean;
  setsCookie: boolean;
  routeValue: string | null;
}): CachePolicy {
  const path = input.path.replace(/\/{2,}/g, "/");
  if (input.signedIn || input.setsCookie || STAFF_PATH.test(path) || TRACKING_PATH.test(path))
    return { cacheControl: PRIVATE, etag: false };
  if (!["GET", "HEAD"].includes(input.method) || input.status !== 200) return { cacheControl: input.routeValue ?? "no-store", etag: false };
  // Open data keeps the short public lifetime its route set (openDataResponse in app/utils/api.server.ts).
  const openData = path.startsWith("/api/");
  return { cacheControl: openData ? (input.routeValue ?? "no-store") : PUBLIC_PAGE, etag: true };
}

/** A weak validator over the body with the per-request nonce and id taken out, so equal content gets an equal tag. */
export function bodyEtag(body: Buffer, perRequest: string[]): string {
  let text = body.toString("utf8");
  for (const value of perRequest) if (value) text = text.replaceAll(value, "");
  return `W/"${createHash("sha256").update(text).digest("base64url").slice(0, 27)}"`;
}

/** If-None-Match uses the weak comparison: a match is one listed tag equal to ours, or `*`. */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, "");
  return ifNoneMatch.split(",").some((tag) => tag.trim() === "*" || opaque(tag) === opaque(etag));
}

interface SendCachedArgs {
  req: Request;
  res: ExpressResponse;
  response: Response;
  /** Per-request values (nonce, request id) left out of the ETag. */
  perRequest: string[];
  /** The request carries a session cookie. */
  signedIn: boolean;
}

/** Sends a Remix answer with the cache headers its path and audience allow, and a 304 when the client's copy is current. */
export async function sendCached({ req, res, response, perRequest, signedIn }: SendCachedArgs): Promise<void> {
  const out = new Response(response.body, response);
  const policy = cachePolicy({
    path: req.path,
    method: req.method,
    status: response.status,
    signedIn,
    setsCookie: out.headers.has("set-cookie"),
    routeValue: out.headers.get("cache-control"),
  });
  out.headers.set("Cache-Control", policy.cacheControl);
  if (!policy.etag) return sendResponse(res, out);
  out.headers.set("Vary", PUBLIC_VARY);
  const body = Buffer.from(await out.arrayBuffer());
  const etag = bodyEtag(body, perRequest);
  out.headers.set("ETag", etag);
  // Written in one piece: streamed chunks of a body already in memory reached brotli corrupted (NUL bytes mid-character).
  if (!etagMatches(req.get("if-none-match"), etag))
    return sendResponse(res, new Response(null, { status: out.status, headers: out.headers }), body);
  // The browser keeps the stored page's own policy: a fresh nonce in a 304 would block that page's scripts.
  res.removeHeader("Content-Security-Policy");
  res.status(304);
  for (const name of ["Cache-Control", "ETag", "Vary"]) res.setHeader(name, out.headers.get(name) ?? "");
  res.end();
}
