import { data } from "@remix-run/node";
import { translatorFor } from "./api.server";

const TITLE_KEYS = { 400: "errors.badRequest.title", 404: "errors.notFound.title" } as const;

/**
 * What a page loader throws for an expected error: the status for GeneralErrorBoundary and a
 * translated `title` for pageTitle(). Usage: `throw await pageError(request, 404)`.
 */
export async function pageError(request: Request, status: keyof typeof TITLE_KEYS) {
  const t = await translatorFor(request);
  return data({ title: `${t(TITLE_KEYS[status])} — ${t("app.name")}` }, { status });
}
