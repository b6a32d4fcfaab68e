import { createHash } from "node:crypto";
import { Schema, type InferSchemaType } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";

/**
 * Failed logins counted per e-mail address (whether or not an account has it, so the answers tell nobody
 * which addresses are staff) and per client address. `_id` is "account:<hash of the e-mail>" or
 * "address:<clientKey>"; every read and write is by `_id`. Forgotten a day after the last failure.
 */
const LoginThrottleSchema = new Schema(
  {
    _id: { type: String, required: true },
    failures: { type: Number, required: true, default: 0 },
    lastFailureAt: { type: Date, required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
LoginThrottleSchema.index({ expiresAt: 1 });

type LoginThrottleDoc = InferSchemaType<typeof LoginThrottleSchema>;
export const LoginThrottle = defineModel("LoginThrottle", LoginThrottleSchema, "loginthrottles");

const MINUTE = 60_000;
const FORGET_AFTER_MS = 24 * 60 * MINUTE;

/**
 * Growing delays: past its free failures a key waits 1 minute, then 2, 4, ... up to its cap. The account's
 * cap is short, so nobody can keep an account shut for long from addresses of their own; the address's is
 * long, so one address cannot keep guessing.
 */
export const LOGIN_THROTTLE = {
  account: { free: 5, capMs: 15 * MINUTE },
  address: { free: 10, capMs: FORGET_AFTER_MS },
} as const;

type Scope = keyof typeof LOGIN_THROTTLE;

/** How long a key with `failures` waits after its last failure (0 while failures are free). */
export function throttleDelayMs(scope: Scope, failures: number): number {
  const { free, capMs } = LOGIN_THROTTLE[scope];
  if (failures < free) return 0;
  return Math.min(capMs, MINUTE * 2 ** Math.min(failures - free, 30));
}

function accountId(email: string): string {
  return `account:${createHash("sha256").update(email.trim().toLowerCase()).digest("base64url").slice(0, 22)}`;
}

/** One sign-in attempt: the e-mail address typed, the client's address when known, and when. */
type LoginAttempt = { email: string; clientKey?: string; now?: Date };

function keysOf({ email, clientKey }: LoginAttempt): { scope: Scope; id: string }[] {
  const keys: { scope: Scope; id: string }[] = [{ scope: "account", id: accountId(email) }];
  if (clientKey) keys.push({ scope: "address", id: `address:${clientKey}` });
  return keys;
}

/** The latest of the keys' wait ends, when it is still ahead; null when they may try now. */
function retryAt(ends: number[], now: Date): Date | null {
  const until = Math.max(...ends);
  return until > now.getTime() ? new Date(until) : null;
}

function waitEnds(scope: Scope, doc: Pick<LoginThrottleDoc, "failures" | "lastFailureAt"> | null): number {
  if (!doc) return 0;
  const delay = throttleDelayMs(scope, doc.failures);
  return delay ? doc.lastFailureAt.getTime() + delay : 0;
}

/** When this e-mail address and client may try again, or null when they may now. Attempts refused meanwhile are not counted. */
export async function loginWaitUntil({ email, clientKey, now = new Date() }: LoginAttempt): Promise<Date | null> {
  const keys = keysOf({ email, clientKey });
  const docs = await Promise.all(keys.map(({ id }) => LoginThrottle.findOne({ _id: id }, { failures: 1, lastFailureAt: 1 }).lean()));
  const ends = keys.map(({ scope }, i) => waitEnds(scope, docs[i] ?? null));
  return retryAt(ends, now);
}

/** Counts one failure for the e-mail address and the client; returns when they may try again, or null when at once. */
export async function recordLoginFailure({ email, clientKey, now = new Date() }: LoginAttempt): Promise<Date | null> {
  const expiresAt = new Date(now.getTime() + FORGET_AFTER_MS);
  const ends = await Promise.all(
    keysOf({ email, clientKey }).map(async ({ scope, id }) => {
      const doc = await serialised(LoginThrottle, id, () =>
        LoginThrottle.findOneAndUpdate(
          { _id: id },
          { $inc: { failures: 1 }, $set: { lastFailureAt: now, expiresAt } },
          { upsert: true, returnDocument: "after" },
        ).lean<LoginThrottleDoc>(),
      );
      return waitEnds(scope, doc);
    }),
  );
  return retryAt(ends, now);
}

/** Until when each of these e-mail addresses must wait to sign in (null: not now), for the admins' users page. */
export async function signInDelays({ emails, now = new Date() }: { emails: string[]; now?: Date }): Promise<(Date | null)[]> {
  return Promise.all(emails.map((email) => loginWaitUntil({ email, now })));
}

/** A successful login, an admin's unlock or a new password: the e-mail address starts afresh (the client address does not). */
export async function clearAccountThrottle({ email }: { email: string }): Promise<boolean> {
  const id = accountId(email);
  const result = await serialised(LoginThrottle, id, () => LoginThrottle.deleteOne({ _id: id }));
  return result.deletedCount === 1;
}

/** Removes counts nobody added to for a day; run periodically. */
export async function purgeExpiredLoginThrottles(now = new Date()): Promise<number> {
  const result = await LoginThrottle.deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}
