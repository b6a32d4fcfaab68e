import { recordAudit } from "./audit";
import { revokeUserSessions } from "./auth";
import { hashPassword } from "./password";
import { User, type Role } from "./user";

/** Who changed an account: a signed-in admin, or `{ email: "cli" }` for `npm run user`. */
export interface AccountActor {
  id?: string;
  email: string;
}

export class AccountError extends Error {
  constructor(readonly code: "email_taken" | "not_found") {
    super(code);
  }
}

/** Creates an enabled account; throws AccountError("email_taken") when the email is in use (the unique index decides). */
export async function createUser({ email, role, password, actor }: { email: string; role: Role; password: string; actor: AccountActor }): Promise<{ id: string }> {
  const address = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  try {
    const doc = await User.create({ email: address, role, passwordHash });
    const id = String(doc._id);
    await recordAudit({ actor, action: "user.create", targetType: "user", targetId: id, after: { email: address, role, disabled: false } });
    return { id };
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === 11000) throw new AccountError("email_taken");
    throw error;
  }
}

async function findAccount(email: string) {
  const user = await User.findOne({ email: email.trim().toLowerCase() }, { email: 1, role: 1, disabled: 1 }).lean();
  if (!user) throw new AccountError("not_found");
  return { id: String(user._id), email: user.email, role: user.role, disabled: user.disabled };
}

/** Disables an account and ends its sessions at once; returns how many sessions were revoked. */
export async function disableUser({ email, actor }: { email: string; actor: AccountActor }): Promise<{ revoked: number }> {
  const user = await findAccount(email);
  await User.updateOne({ _id: user.id }, { $set: { disabled: true } });
  const revoked = await revokeUserSessions({ userId: user.id });
  await recordAudit({ actor, action: "user.disable", targetType: "user", targetId: user.id, before: { disabled: user.disabled }, after: { disabled: true, sessionsRevoked: revoked } });
  return { revoked };
}

/** Sets a new password, clears any lock-out and ends every session of the account. */
export async function resetPassword({ email, password, actor }: { email: string; password: string; actor: AccountActor }): Promise<{ revoked: number }> {
  const user = await findAccount(email);
  const passwordHash = await hashPassword(password);
  await User.updateOne({ _id: user.id }, { $set: { passwordHash, failedLogins: 0 }, $unset: { lockedUntil: 1 } });
  const revoked = await revokeUserSessions({ userId: user.id });
  await recordAudit({ actor, action: "user.reset-password", targetType: "user", targetId: user.id, after: { sessionsRevoked: revoked } });
  return { revoked };
}
