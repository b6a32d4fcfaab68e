import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";

export const ROLES = ["moderator", "committee", "admin", "organization"] as const;
export type Role = (typeof ROLES)[number];
/** Roles with staff rights (moderation, committee, admin pages); an `organization` account has none of them. */
export const STAFF_ROLES = ["moderator", "committee", "admin"] as const;

const UserSchema = new Schema(
  {
    email: { type: String, required: true, unique: true, lowercase: true, trim: true },
    /** argon2id hash; empty until an invited user sets a password. */
    passwordHash: { type: String, default: "" },
    role: { type: String, enum: ROLES, required: true },
    /** For the `organization` role only: the code of the one organization the account speaks for. */
    organization: { type: String },
    disabled: { type: Boolean, required: true, default: false },
  },
  { timestamps: true },
);
UserSchema.index({ role: 1, email: 1, _id: 1 });
// The staff list pages on (email, _id); the unique {email} alone cannot give that order without a blocking sort.
UserSchema.index({ email: 1, _id: 1 });

export const User = defineModel("User", UserSchema, "users");

/** An admin may do all staff work; other roles only their own. No role, not even admin, acts as an organization. */
export function roleAllows(role: Role, needed: Role): boolean {
  return (role === "admin" && needed !== "organization") || role === needed;
}
