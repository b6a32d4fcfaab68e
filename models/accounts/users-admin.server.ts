import { changeAccess, createAccount } from "./admin-guard.server";
import { recordAudit } from "../moderation/audit.server";
import { revokeUserSessions } from "./auth.server";
import { serialised } from "../db/connection.server";
import { clearAccountThrottle } from "./login-throttle.server";
import { hashPassword } from "./password.server";
import { User, type Role } from "./user.server";
import { Organization } from "../catalog/organization.server";

/** Who changed an account: a signed-in admin, or `{ email: "cli" }` for `npm run user`. */
export interface AccountActor {
  id?: string;
  email: string;
}

export class AccountError extends Error {
  constructor(readonly code: "email_taken" | "not_found" | "last_admin" | "unknown_organization") {
    super(code);
  }
}

/** True when an organization with this code exists and was not merged away (an account speaks for a live one). */
export async function organizationExists({ code }: { code: string }): Promise<boolean> {
  const organization = await Organization.findOne({ code }, { mergedInto: 1 }).lean();
  return Boolean(organization && !organization.mergedInto);
}

/**
 * Creates an enabled account; throws AccountError("email_taken") when the email is in use (the unique index decides)
 * and AccountError("unknown_organization") before writing anything when an organization account names no organization.
 */
export async function createUser({
  email,
  role,
  password,
  actor,
  organization,
}: {
  email: string;
  role: Role;
  password: string;
  actor: AccountActor;
  organization?: string;
}): Promise<{ id: string }> {
  const address = email.trim().toLowerCase();
  if (role === "organization" && !(organization && (await organizationExists({ code: organization }))))
    throw new AccountError("unknown_organization");
  const passwordHash = await hashPassword(password);
  try {
    const id = await createAccount({ email: address, role, passwordHash, organization });
    await recordAudit({
      actor,
      action: "user.create",
      targetType: "user",
      targetId: id,
      after: { email: address, role, disabled: false, ...(role === "organization" ? { organization } : {}) },
    });
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

/**
 * Disables an account and ends its sessions at once; returns how many sessions were revoked. The command
 * line may disable the last admin (to lock out a compromised account); the admin pages pass `keepAnAdmin`.
 */
export async function disableAccount({
  userId,
  actor,
  keepAnAdmin,
}: {
  userId: string;
  actor: AccountActor;
  keepAnAdmin: boolean;
}): Promise<{ revoked: number }> {
  const change = await changeAccess({ userId, set: { disabled: true }, keepAnAdmin });
  if (!change.ok) throw new AccountError(change.reason === "lastAdmin" ? "last_admin" : "not_found");
  const revoked = await revokeUserSessions({ userId });
  await recordAudit({
    actor,
    action: "user.disable",
    targetType: "user",
    targetId: userId,
    before: { disabled: change.before.disabled },
    after: { disabled: true, sessionsRevoked: revoked },
  });
  return { revoked };
}

export async function disableUser({ email, actor }: { email: string; actor: AccountActor }): Promise<{ revoked: number }> {
  const user = await findAccount(email);
  return disableAccount({ userId: user.id, actor, keepAnAdmin: false });
}

/** Sets a new password, lifts any sign-in delay and ends every session of the account. */
export async function resetPassword({
  email,
  password,
  actor,
}: {
  email: string;
  password: string;
  actor: AccountActor;
}): Promise<{ revoked: number }> {
  const user = await findAccount(email);
  const passwordHash = await hashPassword(password);
  // FerretDB writes the whole document back: queue behind any login failure being counted on it.
  await serialised(User, user.id, () => User.updateOne({ _id: user.id }, { $set: { passwordHash } }));
  await clearAccountThrottle({ email: user.email });
  const revoked = await revokeUserSessions({ userId: user.id });
  await recordAudit({ actor, action: "user.reset-password", targetType: "user", targetId: user.id, after: { sessionsRevoked: revoked } });
  return { revoked };
}
