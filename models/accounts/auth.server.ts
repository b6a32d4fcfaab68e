import { createHash, randomBytes } from "node:crypto";
import { recordAudit } from "../moderation/audit.server";
import { clearAccountThrottle, loginWaitUntil, recordLoginFailure } from "./login-throttle.server";
import { verifyDecoy, verifyPassword } from "./password.server";
import { Session } from "./session.server";
import { User, type Role } from "./user.server";

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
  /** The organization code an `organization` account speaks for; absent for staff. */
  organization?: string;
}

/** The session view of a stored user: the organization only for the organization role. */
function sessionUserOf(user: { _id: unknown; email: string; role: Role; organization?: string | null }): SessionUser {
  const view: SessionUser = { id: String(user._id), email: user.email, role: user.role };
  return user.role === "organization" && user.organization ? { ...view, organization: user.organization } : view;
}

/** Matches the session cookie's maxAge. */
export const SESSION_TTL_MS = 12 * 60 * 60 * 1000;

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** The enabled user behind a live session id, or null when it expired, was revoked or the user is disabled. */
export async function findSessionUser({ sessionId }: { sessionId: string }): Promise<SessionUser | null> {
  const session = await Session.findOne({ _id: hashSessionId(sessionId), expiresAt: { $gt: new Date() } }, { user: 1 }).lean();
  if (!session) return null;
  const user = await User.findOne({ _id: session.user, disabled: false }, { email: 1, role: 1, organization: 1 }).lean();
  return user ? sessionUserOf(user) : null;
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
  if (user)
    await recordAudit({
      actor: { id: String(user._id), email: user.email },
      action: "auth.logout",
      targetType: "user",
      targetId: String(user._id),
    });
}

/** Ends every session of a user (disable, password reset); returns how many were open. */
export async function revokeUserSessions({ userId }: { userId: string }): Promise<number> {
  const result = await Session.deleteMany({ user: userId });
  return result.deletedCount;
}

export type LoginResult =
  | { ok: true; user: SessionUser; sessionId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "throttled"; retryAt: Date };

/**
 * Checks an email and password. Unknown, disabled and wrong answer alike ("invalid") and take as long
 * (a decoy hash for unknown ones). Failures are counted per e-mail address, whether or not an account
 * has it, and per client (`clientKey`, context.clientKey; scripts and tests may leave it out), with growing
 * delays: while one runs every attempt is "throttled" without a look at the password, the same for every
 * e-mail address. Every attempt is audited with the email only.
 */
export async function login({
  email,
  password,
  clientKey,
  now = new Date(),
}: {
  email: string;
  password: string;
  clientKey?: string;
  now?: Date;
}): Promise<LoginResult> {
  const address = email.trim().toLowerCase();
  const user = await User.findOne({ email: address }, { email: 1, role: 1, organization: 1, passwordHash: 1, disabled: 1 }).lean();
  const actor = { id: user ? String(user._id) : undefined, email: address };
  const audit = (action: string, after?: Record<string, unknown>) =>
    recordAudit({ actor, action, targetType: "user", targetId: actor.id ?? address, after });

  const waitUntil = await loginWaitUntil({ email: address, clientKey, now });
  if (waitUntil) {
    await audit("auth.login-throttled", { email: address, retryAt: waitUntil });
    return { ok: false, reason: "throttled", retryAt: waitUntil };
  }
  const valid = user && !user.disabled ? await verifyPassword(user.passwordHash, password) : await verifyDecoy(password);
  if (!user || user.disabled || !valid) {
    const retryAt = await recordLoginFailure({ email: address, clientKey, now });
    await audit("auth.login-failed", { email: address, retryAt });
    return retryAt ? { ok: false, reason: "throttled", retryAt } : { ok: false, reason: "invalid" };
  }
  const userId = String(user._id);
  await clearAccountThrottle({ email: address });
  const sessionId = await createSession({ userId, now });
  await audit("auth.login", { email: address });
  return { ok: true, user: sessionUserOf(user), sessionId };
}
