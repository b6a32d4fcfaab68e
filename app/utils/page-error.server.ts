import { data } from "@remix-run/node";
import { translatorFor } from "./api.server";
import { titled } from "./page-title";

const TITLE_KEYS = {
  400: "errors.badRequest.title",
  403: "errors.forbidden.title",
  404: "errors.notFound.title",
} as const;

export type PageErrorStatus = keyof typeof TITLE_KEYS;

/**
 * The one way a page loader or action refuses: the status for GeneralErrorBoundary, a translated `title`
 * for pageTitle(), and an optional translated `detail` the boundary shows instead of the generic text
 * ("this period does not exist"). Usage: `throw await pageError(request, 404)`.
 */
export async function pageError(request: Request, status: PageErrorStatus, detail?: string) {
  const t = await translatorFor(request);
  return data({ title: titled(t, t(TITLE_KEYS[status])), ...(detail ? { detail } : {}) }, { status });
}

/** The record a page is about, or the translated 404 page (a `null` lookup means the address cannot name one). */
export async function foundOr404<T>(request: Request, lookup: Promise<T | null> | null): Promise<T> {
  const found = await lookup;
  if (!found) throw await pageError(request, 404);
  return found;
}
