import type { TFunction } from "i18next";
import type { z } from "zod";
import { requestLocale, sharedI18n } from "./i18n.server";

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/**
 * A JSON Response with a charset in its Content-Type. Resource routes must answer with a Response:
 * under single fetch Remix 2 drops the status and headers of a `data()` value there and answers 200.
 */
export function jsonResponse(body: unknown, init: ResponseInit = {}): Response {
  const headers = new Headers(init.headers);
  headers.set("Content-Type", "application/json; charset=utf-8");
  return new Response(JSON.stringify(body), { ...init, headers });
}

/**
 * Open data may be cached briefly by browsers and proxies: counters move, but not by the second.
 * The server applies the same value (server/http-cache.ts) with an ETag, so a stale copy revalidates cheaply.
 */
export const OPEN_DATA_HEADERS = { "Cache-Control": "public, max-age=30, stale-while-revalidate=30" };

/** A successful open-data answer: JSON with the short public cache. */
export function openDataResponse(body: unknown): Response {
  return jsonResponse(body, { headers: OPEN_DATA_HEADERS });
}

/** The JSON error every /api/* 4xx and 5xx answers with; `code` is stable, `message` translated. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: HeadersInit): Response {
  const body: ApiErrorBody = { error: fields ? { code, message, fields } : { code, message } };
  return jsonResponse(body, { status, headers });
}

/** A t() for the request's language (?lng, cookie, Accept-Language). */
export async function translatorFor(request: Request, ns: string | readonly string[] = "common"): Promise<TFunction> {
  const lng = await requestLocale(request);
  return (await sharedI18n(lng)).getFixedT(lng, ns as "common");
}

/**
 * Field errors from a zod error, translated. Schemas use translation keys ("feedback:errors.bodyTooLong")
 * as their messages, so one schema serves the form and the API in both languages.
 */
export function fieldErrors(error: z.ZodError, t: TFunction): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "_form";
    fields[name] ??= t(issue.message, { defaultValue: t("common:errors.badRequest.body") });
  }
  return fields;
}
