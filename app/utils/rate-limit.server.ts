import { purgeExpiredIntakeWindows } from "../../models/intake-window";
import { hitRateLimit, purgeExpiredRateLimits, type RateLimitResult, type RateLimitRule } from "../../models/rate-limit";
import { logError } from "./log.server";

/** Feedback from one client address: a few considered views, not a flood. */
export const FEEDBACK_LIMIT: RateLimitRule = { bucket: "feedback", limit: 5, windowMs: 10 * 60_000 };

const PURGE_EVERY_MS = 60_000;
let lastPurge = 0;

/** Deletes ended windows (rate limits, intake bursts) at most once a minute per process; a failure is logged, never fatal. */
function purgeNowAndThen(now: number): void {
  if (now - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now;
  purgeExpiredRateLimits(new Date(now)).catch((error: unknown) => logError(error, { message: "rate-limit purge failed" }));
  purgeExpiredIntakeWindows(new Date(now)).catch((error: unknown) => logError(error, { message: "intake-window purge failed" }));
}

/** Counts one hit against `rule` for a client (its keyed address hash), in the database shared by every instance. */
export async function checkRateLimit(rule: RateLimitRule, clientKey: string, now = Date.now()): Promise<RateLimitResult> {
  purgeNowAndThen(now);
  return hitRateLimit(rule, clientKey, now);
}
