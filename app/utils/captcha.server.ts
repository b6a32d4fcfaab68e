import type { Env } from "./env.server";

export type CaptchaConfig = Pick<Env, "CAPTCHA" | "HCAPTCHA_SECRET" | "HCAPTCHA_SITEKEY" | "HCAPTCHA_VERIFY_URL">;

export type CaptchaOutcome = { ok: true } | { ok: false; code: "captcha_required" | "captcha_failed" | "captcha_unverifiable" };

const VERIFY_TIMEOUT_MS = 3000;

/**
 * Asks hCaptcha whether a token is good. Takes its config as an argument (not env()) so tests can
 * point it at a stand-in verifier. Anything but an explicit `success: true` is a refusal.
 */
export async function verifyCaptcha(token: string | undefined, config: CaptchaConfig): Promise<CaptchaOutcome> {
  // env() refuses CAPTCHA=off in production, so "off" only exists in development, tests and the demo.
  if (config.CAPTCHA === "off") return { ok: true };
  if (!token) return { ok: false, code: "captcha_required" };
  const form = new URLSearchParams({ secret: config.HCAPTCHA_SECRET ?? "", response: token });
  if (config.HCAPTCHA_SITEKEY) form.set("sitekey", config.HCAPTCHA_SITEKEY);
  try {
    const response = await fetch(config.HCAPTCHA_VERIFY_URL, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: form,
      signal: AbortSignal.timeout(VERIFY_TIMEOUT_MS),
    });
    if (!response.ok) return { ok: false, code: "captcha_unverifiable" };
    const body = (await response.json()) as { success?: unknown };
    return body.success === true ? { ok: true } : { ok: false, code: "captcha_failed" };
  } catch {
    // Unreachable, slow or not JSON: we cannot tell, so we refuse rather than let it through.
    return { ok: false, code: "captcha_unverifiable" };
  }
}
