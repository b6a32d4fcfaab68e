import type { NextFunction, Request, Response } from "express";
import { hitRateLimit, purgeExpiredRateLimits, type RateLimitResult, type RateLimitRule } from "../../models/rate-limit";
import { logError } from "./log.server";

/** Feedback from one client address: a few considered views, not a flood. */
export const FEEDBACK_LIMIT: RateLimitRule = { bucket: "feedback", limit: 5, windowMs: 10 * 60_000 };
/** Every POST from one client address (logins, moderation, feedback): generous, it only stops floods. */
export const POST_LIMIT: RateLimitRule = { bucket: "post", limit: 120, windowMs: 60_000 };

const PURGE_EVERY_MS = 60_000;
let lastPurge = 0;

/** Deletes ended windows at most once a minute per process; a failure is logged, never fatal. */
function purgeNowAndThen(now: number): void {
  if (now - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now;
  purgeExpiredRateLimits(new Date(now)).catch((error: unknown) => logError(error, { message: "rate-limit purge failed" }));
}

/** Counts one hit against `rule` for a client (its keyed address hash), in the database shared by every instance. */
export async function checkRateLimit(rule: RateLimitRule, clientKey: string, now = Date.now()): Promise<RateLimitResult> {
  purgeNowAndThen(now);
  return hitRateLimit(rule, clientKey, now);
}

/** Express middleware: 429 with Retry-After when one address sends too many POSTs. */
export async function postRateLimit(req: Request, res: Response, next: NextFunction) {
  if (req.method !== "POST") return next();
  try {
    const result = await checkRateLimit(POST_LIMIT, res.locals.clientKey as string);
    if (result.allowed) return next();
    res.status(429).setHeader("Retry-After", String(result.retryAfter));
    if (req.path.startsWith("/api/")) {
      res.json({ error: { code: "rate_limited", message: "Too many requests; try again later. / Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau." } });
    } else {
      res.type("text/plain; charset=utf-8").send("429 — Bạn gửi quá nhiều yêu cầu; vui lòng thử lại sau. / Too many requests; try again later.");
    }
  } catch (error) {
    next(error);
  }
}
