import type { TFunction } from "i18next";
import type { z } from "zod";
import type { CaptchaOutcome } from "./captcha.server";
import { fieldErrors } from "./api.server";

type CaptchaCode = Extract<CaptchaOutcome, { ok: false }>["code"];

const CAPTCHA_STATUS = { captcha_required: 400, captcha_failed: 403, captcha_unverifiable: 503 } as const;
const CAPTCHA_KEY = {
  captcha_required: "captchaRequired",
  captcha_failed: "captchaFailed",
  captcha_unverifiable: "captchaUnverifiable",
} as const;

/** A failed captcha check as a resident's form and the API show it: its status, and the message on the captcha field too. */
export function captchaRefusal(code: CaptchaCode, t: TFunction) {
  const message = t(`feedback:errors.${CAPTCHA_KEY[code]}`);
  return { status: CAPTCHA_STATUS[code], code, message, fields: { captchaToken: message } };
}

/** The 400 answer for input its schema refused: a translated message and each field's error. */
export function refusedInput<Code extends string>(code: Code, message: string, error: z.ZodError, t: TFunction) {
  return { ok: false as const, status: 400 as const, code, message, fields: fieldErrors(error, t) };
}
