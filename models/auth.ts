import { createHash } from "node:crypto";
import { Session } from "./session";
import { User, type Role } from "./user";

export interface SessionUser {
  id: string;
  email: string;
  role: Role;
}

export function hashSessionId(sessionId: string): string {
  return createHash("sha256").update(sessionId).digest("hex");
}

/** The enabled user behind a live session id, or null when it expired, was revoked or the user is disabled. */
export async function findSessionUser({ sessionId }: { sessionId: string }): Promise<SessionUser | null> {
  const session = await Session.findOne({ _id: hashSessionId(sessionId), expiresAt: { $gt: new Date() } }, { user: 1 }).lean();
  if (!session) return null;
  const user = await User.findOne({ _id: session.user, disabled: false }, { email: 1, role: 1 }).lean();
  return user ? { id: String(user._id), email: user.email, role: user.role } : null;
}
