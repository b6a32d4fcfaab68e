import { Schema, type InferSchemaType } from "mongoose";
import { defineModel } from "../db/define-model.server";
import { serialised } from "../db/connection.server";

/**
 * One fixed-window counter: `_id` is "<bucket>:<clientKey>:<windowStart>". Kept in the database so
 * a limit holds across app instances; expired windows are removed by a periodic delete (no TTL indexes).
 */
const RateLimitSchema = new Schema(
  {
    _id: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
RateLimitSchema.index({ expiresAt: 1 });

export type RateLimitDoc = InferSchemaType<typeof RateLimitSchema>;
export const RateLimit = defineModel("RateLimit", RateLimitSchema, "ratelimits");

export interface RateLimitRule {
  bucket: string;
  limit: number;
  windowMs: number;
}

export interface RateLimitResult {
  allowed: boolean;
  count: number;
  /** Seconds until the current window ends (for Retry-After). */
  retryAfter: number;
}

/** Counts one hit for `clientKey` in the rule's current window and says whether it is within the limit. */
export async function hitRateLimit(rule: RateLimitRule, clientKey: string, now = Date.now()): Promise<RateLimitResult> {
  const windowStart = now - (now % rule.windowMs);
  const id = `${rule.bucket}:${clientKey}:${windowStart}`;
  const expiresAt = new Date(windowStart + rule.windowMs);
  const doc = await serialised(RateLimit, id, () =>
    RateLimit.findOneAndUpdate(
      { _id: id },
      { $inc: { count: 1 }, $setOnInsert: { expiresAt } },
      { upsert: true, returnDocument: "after" },
    ).lean<RateLimitDoc>(),
  );
  const count = doc?.count ?? 1;
  return { allowed: count <= rule.limit, count, retryAfter: Math.max(1, Math.ceil((expiresAt.getTime() - now) / 1000)) };
}

/** Removes windows that have ended; run periodically. */
export async function purgeExpiredRateLimits(now = new Date()): Promise<number> {
  const result = await RateLimit.deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}
