// Pure and browser-safe: the shapes of the codes people type and URLs carry, written once.
import { z } from "zod";

/** A period code such as "2011": what admins create, URLs and `--period` carry. */
export const PERIOD_CODE = /^[A-Za-z0-9_-]{1,32}$/;
/** An organization code from the committee's register (import, admin forms, merges). */
export const ORGANIZATION_CODE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$/;

/** A trimmed period code; `message` is the translation key (or text) shown when it is malformed. */
export function periodCodeSchema(message: string) {
  return z.string().trim().regex(PERIOD_CODE, message);
}

/** A trimmed organization code; `message` is the translation key (or text) shown when it is malformed. */
export function organizationCodeSchema(message: string) {
  return z.string().trim().regex(ORGANIZATION_CODE, message);
}
