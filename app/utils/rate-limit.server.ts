import { purgeExpiredInvites } from "../../models/accounts/accounts-admin.server";
import { purgeExpiredContacts } from "../../models/feedback/contact.server";
import { purgeExpiredIntakeWindows } from "../../models/feedback/intake-window.server";
import { hitRateLimit, purgeExpiredRateLimits, type RateLimitResult, type RateLimitRule } from "../../models/accounts/rate-limit.server";
import { purgeExpiredLoginThrottles } from "../../models/accounts/login-throttle.server";
import { logError } from "./log.server";

/** Feedback from one client address: a few considered views, not a flood. Spent only once the captcha passed. */
export const FEEDBACK_LIMIT: RateLimitRule = { bucket: "feedback", limit: 5, windowMs: 10 * 60_000 };

/** Cheap flood limit checked before the captcha verifier is asked: attempts, good or junk, from one client address. */
export const FEEDBACK_ATTEMPT_LIMIT: RateLimitRule = { bucket: "feedback-attempts", limit: 30, windowMs: 10 * 60_000 };

const PURGE_EVERY_MS = 60_000;
let lastPurge = 0;

const SWEEPS = [
  { purge: purgeExpiredRateLimits, message: "rate-limit purge failed" },
  { purge: purgeExpiredIntakeWindows, message: "intake-window purge failed" },
  { purge: purgeExpiredInvites, message: "invite purge failed" },
  { purge: purgeExpiredLoginThrottles, message: "login-throttle purge failed" },
  { purge: purgeExpiredContacts, message: "contact purge failed" },
];

/** Deletes ended windows (rate limits, intake bursts), expired invitations and residents' e-mail addresses past retention; a failure is logged, never fatal. */
export async function sweepExpired(now: Date): Promise<void> {
  await Promise.all(SWEEPS.map(({ purge, message }) => purge(now).catch((error: unknown) => logError(error, { message }))));
}

/** Runs the sweep at most once a minute per process, without holding up the request that triggers it. */
function purgeNowAndThen(now: number): void {
  if (now - lastPurge < PURGE_EVERY_MS) return;
  lastPurge = now;
  void sweepExpired(new Date(now));
}

/** Counts one hit against `rule` for a client (its keyed address hash), in the database shared by every instance. */
export async function checkRateLimit(rule: RateLimitRule, clientKey: string, now = Date.now()): Promise<RateLimitResult> {
  purgeNowAndThen(now);
  return hitRateLimit(rule, clientKey, now);
}
