import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../moderation/audit.server";
import { serialised } from "../db/connection.server";
import { verifyDecoy, verifyPassword } from "./password.server";
import { Session } from "./session.server";
import { User, type Role } from "./user.server";

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

/** Matches the session cookie's maxAge. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;
/** Failures allowed before the first lock-out. */
export const FREE_FAILURES = 5;
const MAX_LOCK_MINUTES = 60;

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** Back-off: the 5th failure locks for 1 minute, each further one doubles it, capped at an hour. */
export function lockedUntilAfter(failures: number, now: Date): Date | null {
  if (failures < FREE_FAILURES) return null;
  const minutes = Math.min(MAX_LOCK_MINUTES, 2 ** (failures - FREE_FAILURES));
  return new Date(now.getTime() + minutes * 60_000);
}

/** The enabled user behind a live session id, or null when it expired, was revoked or the user is disabled. */
export async function findSessionUser({ sessionId }: { sessionId: string }): Promise<SessionUser | null> {
  const session = await Session.findOne({ _id: hashSessionId(sessionId), expiresAt: { $gt: new Date() } }, { user: 1 }).lean();
  if (!session) return null;
  const user = await User.findOne({ _id: session.user, disabled: false }, { email: 1, role: 1 }).lean();
  return user ? { id: String(user._id), email: user.email, role: user.role } : null;
}

/** Opens a session and returns its raw id (only its hash is stored); expired sessions are swept here, as there are no TTL indexes. */
export async function createSession({ userId, now = new Date() }: { userId: string; now?: Date }): Promise<string> {
  const sessionId = randomBytes(32).toString("base64url");
  await Session.create({ _id: hashSessionId(sessionId), user: userId, expiresAt: new Date(now.getTime() + SESSION_TTL_MS) });
  await Session.deleteMany({ expiresAt: { $lt: now } });
  return sessionId;
}

/** Logout: the session stops working at once, on every app instance. */
export async function revokeSession({ sessionId }: { sessionId: string }): Promise<void> {
  const session = await Session.findOneAndDelete({ _id: hashSessionId(sessionId) });
  if (!session) return;
  const user = await User.findOne({ _id: session.user }, { email: 1 }).lean();
  if (user) await recordAudit({ actor: { id: String(user._id), email: user.email }, action: "auth.logout", targetType: "user", targetId: String(user._id) });
}

/** Ends every session of a user (disable, password reset); returns how many were open. */
export async function revokeUserSessions({ userId }: { userId: string }): Promise<number> {
  const result = await Session.deleteMany({ user: userId });
  return result.deletedCount;
}

export type LoginResult = { ok: true; user: SessionUser; sessionId: string } | { ok: false; reason: "invalid" } | { ok: false; reason: "locked"; lockedUntil: Date };

/**
 * Counts one failure and locks the account once it passes the free failures. The lock is one conditional
 * $set: it never shortens a longer lock a concurrent failure set, and it is skipped when a successful
 * login reset the count after this failure was counted (fewer failures than ours are stored).
 */
async function recordFailure(userId: string, now: Date): Promise<{ failures: number; lockedUntil: Date | null }> {
  return serialised(`users:${userId}`, async () => {
    const after = await User.findOneAndUpdate({ _id: userId }, { $inc: { failedLogins: 1 } }, { returnDocument: "after" }).lean();
    const failures = after?.failedLogins ?? FREE_FAILURES;
    const lock = lockedUntilAfter(failures, now);
    if (!lock) return { failures, lockedUntil: null };
    const set = await User.updateOne(
      { _id: userId, failedLogins: { $gte: failures }, $or: [{ lockedUntil: null }, { lockedUntil: { $lt: lock } }] },
      { $set: { lockedUntil: lock } }
    );
    if (set.modifiedCount === 1) return { failures, lockedUntil: lock };
    const current = await User.findOne({ _id: userId }, { lockedUntil: 1 }).lean();
    return { failures, lockedUntil: current?.lockedUntil && current.lockedUntil > now ? current.lockedUntil : null };
  });
}

/**
 * Checks an email and password. Unknown, disabled and wrong answer alike ("invalid") and take
 * as long; a locked account is refused without checking the password. Every attempt is audited
 * with the email only.
 */
export async function login({ email, password, now = new Date() }: { email: string; password: string; now?: Date }): Promise<LoginResult> {
  const address = email.trim().toLowerCase();
  const user = await User.findOne({ email: address }, { email: 1, role: 1, passwordHash: 1, disabled: 1, lockedUntil: 1 }).lean();
  const actor = { id: user ? String(user._id) : undefined, email: address };
  const audit = (action: string, after?: Record<string, unknown>) =>
    recordAudit({ actor, action, targetType: "user", targetId: actor.id ?? address, after });

  if (!user || user.disabled) {
    await verifyDecoy(password);
    await audit("auth.login-failed", { email: address });
    return { ok: false, reason: "invalid" };
  }
  if (user.lockedUntil && user.lockedUntil > now) {
    await audit("auth.login-locked", { email: address, lockedUntil: user.lockedUntil });
    return { ok: false, reason: "locked", lockedUntil: user.lockedUntil };
  }
  if (!(await verifyPassword(user.passwordHash, password))) {
    const { failures, lockedUntil } = await recordFailure(String(user._id), now);
    await audit("auth.login-failed", { email: address, failures, lockedUntil });
    return lockedUntil ? { ok: false, reason: "locked", lockedUntil } : { ok: false, reason: "invalid" };
  }
  const userId = String(user._id);
  await serialised(`users:${userId}`, () => User.updateOne({ _id: userId }, { $set: { failedLogins: 0 }, $unset: { lockedUntil: 1 } }));
  const sessionId = await createSession({ userId, now });
  await audit("auth.login", { email: address });
  return { ok: true, user: { id: userId, email: user.email, role: user.role }, sessionId };
}
