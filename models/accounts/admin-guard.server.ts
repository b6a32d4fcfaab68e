import { Schema } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { User, type Role } from "./user.server";

/**
 * How many enabled admins there are, as one document, so "is another admin left?" and "take one away"
 * are one conditional update on MongoDB, which has no multi-document guard without transactions.
 * It never counts more admins than there are (a loss is taken from it before the account changes, a
 * gain added after), so two admins demoting each other at once cannot both pass. An admin written
 * straight into the database is not counted, which can only refuse a demotion, never allow a wrong one.
 */
const AdminGuardSchema = new Schema(
  { _id: { type: String, required: true }, enabled: { type: Number, required: true } },
  { versionKey: false },
);
export const AdminGuard = defineModel("AdminGuard", AdminGuardSchema, "guards");

const GUARD_ID = "admins";

interface Access {
  role: Role;
  disabled: boolean;
}
const isEnabledAdmin = (access: Access) => access.role === "admin" && !access.disabled;

/**
 * Counts the admins into the guard the first time it is needed. Every change calls it before touching
 * an account, so no count can include an account whose own change is still to reach the guard.
 */
async function ensureAdminGuard(): Promise<void> {
  if (await AdminGuard.exists({ _id: GUARD_ID })) return;
  const enabled = await User.countDocuments({ role: "admin", disabled: false });
  try {
    await AdminGuard.create({ _id: GUARD_ID, enabled });
  } catch (error) {
    // Another instance counted first: the same admins, as none could change in between.
    if (!(error instanceof Error && "code" in error && error.code === 11000)) throw error;
  }
}

/** Takes one admin from the guard; with `keepOne` only while another is left. False: refused. */
async function takeAdmin(keepOne: boolean): Promise<boolean> {
  const filter = keepOne ? { _id: GUARD_ID, enabled: { $gt: 1 } } : { _id: GUARD_ID };
  const taken = await serialised(AdminGuard, GUARD_ID, () => AdminGuard.updateOne(filter, { $inc: { enabled: -1 } }));
  return taken.modifiedCount === 1;
}

async function giveAdmin(): Promise<void> {
  await serialised(AdminGuard, GUARD_ID, () => AdminGuard.updateOne({ _id: GUARD_ID }, { $inc: { enabled: 1 } }));
}

/** Creates an enabled account (11000 errors pass through); an admin is counted once it exists. */
export async function createAccount({
  email,
  role,
  passwordHash,
  organization,
}: {
  email: string;
  role: Role;
  passwordHash?: string;
  organization?: string;
}): Promise<string> {
  if (role === "admin") await ensureAdminGuard();
  const doc = await User.create({
    email,
    role,
    ...(passwordHash === undefined ? {} : { passwordHash }),
    ...(role === "organization" ? { organization } : {}),
  });
  if (role === "admin") await giveAdmin();
  return String(doc._id);
}

const MAX_ATTEMPTS = 5;

export type AccessChange = { ok: true; email: string; before: Access } | { ok: false; reason: "notFound" | "lastAdmin" };

/**
 * Sets an account's role and/or disabled flag with one update conditional on the state it read (retried
 * when another change got there first); the guard follows. `keepAnAdmin` refuses to take away the last
 * enabled admin (the admin pages); the command line may, to lock out a compromised account.
 */
export async function changeAccess({
  userId,
  set,
  keepAnAdmin,
}: {
  userId: string;
  set: Partial<Access>;
  keepAnAdmin: boolean;
}): Promise<AccessChange> {
  await ensureAdminGuard();
  for (let attempt = 1; ; attempt++) {
    const user = await User.findOne({ _id: userId }, { email: 1, role: 1, disabled: 1 }).lean();
    if (!user) return { ok: false, reason: "notFound" };
    const before = { role: user.role, disabled: user.disabled };
    const loses = isEnabledAdmin(before) && !isEnabledAdmin({ ...before, ...set });
    const gains = !isEnabledAdmin(before) && isEnabledAdmin({ ...before, ...set });
    if (loses && !(await takeAdmin(keepAnAdmin))) return { ok: false, reason: "lastAdmin" };
    let applied = false;
    try {
      const result = await serialised(User, userId, () => User.updateOne({ _id: userId, ...before }, { $set: set }));
      applied = result.matchedCount === 1;
    } finally {
      if (loses && !applied) await giveAdmin();
    }
    if (!applied && attempt < MAX_ATTEMPTS) continue;
    if (!applied) throw new Error(`account ${userId} kept changing; try again`);
    if (gains) await giveAdmin();
    return { ok: true, email: user.email, before };
  }
}
