import { createHash, randomBytes } from "node:crypto";
import { Schema, Types } from "mongoose";
import { z } from "zod";
import { changeAccess, createAccount } from "./admin-guard.server";
import { recordAudit, type AuditInput } from "../moderation/audit.server";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { defineModel } from "../db/define-model.server";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { afterPosition } from "../db/keyset.server";
import { clearAccountThrottle, signInDelays } from "./login-throttle.server";
import { MIN_PASSWORD_LENGTH } from "./password.server";
import { ROLES, STAFF_ROLES, User, type Role } from "./user.server";
import { AccountError, disableAccount, organizationExists, resetPassword, type AccountActor } from "./users-admin.server";

const INVITE_TTL_MS = 7 * 86_400_000;

/** A pending invitation: `_id` is the sha256 of the one-time token in the link; using it deletes it. */
const InviteSchema = new Schema(
  {
    _id: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);
InviteSchema.index({ expiresAt: 1 });
export const Invite = defineModel("Invite", InviteSchema, "invites");

const E = "admin:users.errors.";
export const InviteFormSchema = z
  .object({
    email: z.string().trim().toLowerCase().email(`${E}email`).max(200, `${E}email`),
    role: z.enum(ROLES, { message: `${E}role` }),
    // An empty field (a staff invitation) reads as absent.
    organization: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .trim()
        .regex(/^[A-Za-z0-9_-]{1,40}$/, `${E}organizationCode`)
        .optional(),
    ),
  })
  .superRefine((input, ctx) => {
    if (input.role === "organization" && !input.organization)
      ctx.addIssue({ code: "custom", path: ["organization"], message: `${E}organizationRequired` });
  })
  .transform((input) => ({ ...input, organization: input.role === "organization" ? input.organization : undefined }));
/** Role changes move staff between staff roles; an organization account keeps its role (invite a new account instead). */
export const RoleFormSchema = z.object({
  userId: z.string().regex(/^[0-9a-f]{24}$/, `${E}notFound`),
  role: z.enum(STAFF_ROLES, { message: `${E}role` }),
});
export const AcceptInviteSchema = z
  .object({ password: z.string().min(MIN_PASSWORD_LENGTH, `${E}passwordShort`).max(200, `${E}passwordShort`), confirm: z.string() })
  .refine((input) => input.password === input.confirm, { path: ["confirm"], message: `${E}passwordMismatch` });

export class UserAdminError extends Error {
  constructor(
    readonly code: "lastAdmin" | "notFound" | "emailTaken" | "organization" | "organizationAccount",
    readonly field: string,
    readonly params: Record<string, string> = {},
  ) {
    super(code);
  }
}

/** The organizations an organization account may speak for (code and name, by code), from the catalog in memory. */
export async function organizationChoices(): Promise<{ code: string; name: string }[]> {
  const snapshot = await catalogSnapshot();
  return [...snapshot.organizations.values()]
    .filter((organization) => !organization.mergedInto)
    .map(({ code, name }) => ({ code, name }))
    .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

/** An admin's action on one account: which account, and who acts (for the audit). */
type UserAction = { userId: string; actor: AccountActor };

/** Audits an admin's action on one account; `before`/`after` hold only the fields it changed. */
function auditUser({ actor, action, userId, before, after }: UserAction & Pick<AuditInput, "action" | "before" | "after">) {
  return recordAudit({ actor, action, targetType: "user", targetId: userId, before, after });
}

export interface StaffAccount {
  id: string;
  email: string;
  role: Role;
  disabled: boolean;
  /** Invited and has not set a password yet. */
  invited: boolean;
  /** The organization code of an `organization` account, else null. */
  organization: string | null;
  /** Until when failed sign-ins make this e-mail address wait (ISO), or null; an admin may lift it. */
  signInDelayedUntil: string | null;
}

/** One page of staff accounts by email, keyset-paged on (email, _id); a tampered cursor throws InvalidCursor. */
export async function listStaff({ cursor, limit = 50 }: { cursor?: string; limit?: number } = {}): Promise<{
  items: StaffAccount[];
  nextCursor: string | null;
}> {
  const after = decodeCursor(cursor, "string");
  const filter = after ? afterPosition({}, { field: "email", key: String(after.k), id: new Types.ObjectId(after.id), order: "asc" }) : {};
  const docs = await User.find(filter, { email: 1, role: 1, organization: 1, disabled: 1, passwordHash: 1 })
    .sort({ email: 1, _id: 1 })
    .limit(limit + 1)
    .lean();
  const last = docs.length > limit ? docs[limit - 1] : undefined;
  const page = docs.slice(0, limit);
  const delays = await signInDelays({ emails: page.map((doc) => doc.email) });
  return {
    items: page.map((doc, i) => ({
      id: String(doc._id),
      email: doc.email,
      role: doc.role,
      disabled: doc.disabled,
      invited: !doc.passwordHash,
      organization: doc.organization ?? null,
      signInDelayedUntil: delays[i]?.toISOString() ?? null,
    })),
    nextCursor: last ? encodeCursor({ k: last.email, id: String(last._id) }) : null,
  };
}

/** Creates an account without a password and returns the one-time token its invitation link carries. */
export async function inviteUser({
  email,
  role,
  organization,
  actor,
}: {
  email: string;
  role: Role;
  organization?: string;
  actor: AccountActor;
}): Promise<{ token: string }> {
  if (role === "organization" && !(organization && (await organizationExists({ code: organization }))))
    throw new UserAdminError("organization", "organization", { value: organization ?? "" });
  let userId: string;
  try {
    userId = await createAccount({ email, role, organization });
  } catch (error) {
    if (error instanceof Error && "code" in error && error.code === 11000)
      throw new UserAdminError("emailTaken", "email", { value: email });
    throw error;
  }
  const token = randomBytes(32).toString("base64url");
  await Invite.create({ _id: hashToken(token), user: userId, expiresAt: new Date(Date.now() + INVITE_TTL_MS) });
  await auditUser({ actor, action: "user.invite", userId, after: { email, role, ...(organization ? { organization } : {}) } });
  return { token };
}

/** The invited account's email while the link is unused and unexpired, else null. */
export async function findInvite({ token }: { token: string }): Promise<{ email: string } | null> {
  const invite = await Invite.findOne({ _id: hashToken(token), expiresAt: { $gt: new Date() } }, { user: 1 }).lean();
  if (!invite) return null;
  const user = await User.findOne({ _id: invite.user, disabled: false }, { email: 1 }).lean();
  return user ? { email: user.email } : null;
}

/** Sets the invited account's password. The deleteOne claims the link, so it works exactly once. */
export async function acceptInvite({ token, password }: { token: string; password: string }): Promise<boolean> {
  const account = await findInvite({ token });
  if (!account) return false;
  const claimed = await Invite.deleteOne({ _id: hashToken(token), expiresAt: { $gt: new Date() } });
  if (claimed.deletedCount !== 1) return false;
  await resetPassword({ email: account.email, password, actor: { email: account.email } });
  return true;
}

/** Deletes invitations past their expiry (the periodic sweep); an expired link is refused anyway, this keeps the collection small. */
export async function purgeExpiredInvites(now = new Date()): Promise<number> {
  const result = await Invite.deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}

/** Applies a role or disabled change through the admin guard; the admin pages never take away the last enabled admin. */
async function changeStaffAccess(userId: string, set: { role?: Role; disabled?: boolean }) {
  const change = await changeAccess({ userId, set, keepAnAdmin: true });
  if (!change.ok) throw new UserAdminError(change.reason, "userId");
  return change;
}

export async function changeRole({ userId, role, actor }: UserAction & { role: Role }): Promise<void> {
  // An organization account never becomes staff, nor staff an organization account: its rights differ in kind.
  const current = await User.findOne({ _id: userId }, { role: 1 }).lean();
  if (current?.role === "organization" || role === "organization") throw new UserAdminError("organizationAccount", "userId");
  const { before } = await changeStaffAccess(userId, { role });
  await auditUser({ actor, action: "user.role", userId, before: { role: before.role }, after: { role } });
}

/** Disables (ending its sessions) or re-enables an account; the last enabled admin cannot be disabled. */
export async function setUserDisabled({ userId, disabled, actor }: UserAction & { disabled: boolean }): Promise<void> {
  if (disabled) {
    await disableAccount({ userId, actor, keepAnAdmin: true }).catch((error: unknown) => {
      throw error instanceof AccountError ? new UserAdminError(error.code === "last_admin" ? "lastAdmin" : "notFound", "userId") : error;
    });
    return;
  }
  const { before } = await changeStaffAccess(userId, { disabled });
  await auditUser({ actor, action: "user.enable", userId, before: { disabled: before.disabled }, after: { disabled: false } });
}

/** Lifts the sign-in delay failed attempts put on an account's e-mail address (audited); a no-op, still audited, when there was none. */
export async function unlockAccount({ userId, actor, now = new Date() }: UserAction & { now?: Date }): Promise<void> {
  const user = await User.findOne({ _id: userId }, { email: 1 }).lean();
  if (!user) throw new UserAdminError("notFound", "userId");
  const [delayedUntil] = await signInDelays({ emails: [user.email], now });
  await clearAccountThrottle({ email: user.email });
  const before = { signInDelayedUntil: delayedUntil ?? null };
  await auditUser({ actor, action: "user.unlock", userId, before, after: { signInDelayedUntil: null } });
}
