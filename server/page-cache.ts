import type { Request } from "express";

/** A rendered public page, with the per-request values (CSP nonce, request id) replaced by markers. */
interface CachedPage {
  generation: number;
  storedAt: number;
  status: number;
  headers: [string, string][];
  template: string;
}

const NONCE_MARK = "\u0000nonce\u0000";
const REQUEST_ID_MARK = "\u0000request-id\u0000";
/** Other instances on MongoDB change data this process never hears about: no page is kept longer than this. */
const MAX_AGE_MS = 5_000;
const MAX_PAGES = 1_000;
/** Templates are UTF-16 in memory (Vietnamese text is not Latin-1): about 48 MB of pages at most, whatever they weigh. */
const MAX_CHARS = 24_000_000;
const PAGE_PATH = /^\/(organizations(\/[^/]+)?|summary)?$/;

export interface PerRequest {
  nonce: string;
  requestId: string;
}

/**
 * Rendered public pages for anonymous readers, reused while nothing public has changed: rendering a page
 * costs several times what serving it does, and residents read far more than they write. `generation`
 * is the app's count of public-data changes (models/db/public-generation.ts), so a comment, a decision or
 * an import shows on the next request.
 */
export function createPageCache(generation: () => number) {
  const pages = new Map<string, CachedPage>();
  let chars = 0;

  function drop(key: string) {
    const page = pages.get(key);
    if (!page) return;
    chars -= page.template.length;
    pages.delete(key);
  }

  /** Drops expired pages and then the oldest (a Map iterates in insertion order) until `needed` more characters fit. */
  function makeRoom(needed: number, now: number) {
    for (const [key, page] of pages) {
      const fits = pages.size < MAX_PAGES && chars + needed <= MAX_CHARS;
      if (fits && now - page.storedAt < MAX_AGE_MS) break;
      drop(key);
    }
  }

  /** The cache key for a request that may be served from the cache; null for anything else. */
  function keyOf(req: Request, signedIn: boolean): string | null {
    if (signedIn || !["GET", "HEAD"].includes(req.method) || !PAGE_PATH.test(req.path)) return null;
    // ?lng= answers with a Set-Cookie; those are never shared.
    if ("lng" in req.query) return null;
    // Pages name their own absolute address (canonical, Open Graph), so the host is part of the key.
    return [`${req.protocol}://${req.get("host") ?? ""}${req.originalUrl}`, req.get("accept-language") ?? "", req.get("cookie") ?? ""].join(
      "\n",
    );
  }

  function lookup(key: string, now = Date.now()): CachedPage | undefined {
    const page = pages.get(key);
    if (page && page.generation === generation() && now - page.storedAt < MAX_AGE_MS) return page;
    if (page) drop(key);
    return undefined;
  }

  return {
    keyOf,
    /** The page for this request with its own nonce and request id, or null on a miss. */
    get(key: string, fresh: PerRequest): Response | null {
      const page = lookup(key);
      if (!page) return null;
      const body = page.template.replaceAll(NONCE_MARK, fresh.nonce).replaceAll(REQUEST_ID_MARK, fresh.requestId);
      return new Response(body, { status: page.status, headers: page.headers });
    },
    /** Keeps a successful HTML answer rendered at `renderedAt` (the generation read before rendering). */
    async put(key: string, response: Response, used: PerRequest, renderedAt: number): Promise<Response> {
      const html = response.headers.get("content-type")?.startsWith("text/html") ?? false;
      if (response.status !== 200 || !html || response.headers.has("set-cookie")) return response;
      const body = await response.text();
      const template = body.replaceAll(used.nonce, NONCE_MARK).replaceAll(used.requestId, REQUEST_ID_MARK);
      const now = Date.now();
      drop(key);
      makeRoom(template.length, now);
      if (template.length <= MAX_CHARS) {
        pages.set(key, { generation: renderedAt, storedAt: now, status: 200, headers: [...response.headers], template });
        chars += template.length;
      }
      return new Response(body, { status: response.status, headers: response.headers });
    },
  };
}
