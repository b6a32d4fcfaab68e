import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { z } from "zod";
import { i18nServer } from "./i18n.server";

export interface ApiErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

/** The JSON error every /api/* 4xx and 5xx answers with; `code` is stable, `message` translated. */
export function apiError(status: number, code: string, message: string, fields?: Record<string, string>, headers?: HeadersInit) {
  const body: ApiErrorBody = { error: fields ? { code, message, fields } : { code, message } };
  return data(body, { status, headers });
}

/** A t() for the request's language (?lng, cookie, Accept-Language). */
export function translatorFor(request: Request, ns: string | readonly string[] = "common"): Promise<TFunction> {
  return i18nServer.getFixedT(request, ns as "common");
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
