import { Schema, type InferSchemaType } from "mongoose";
import { defineModel } from "./define-model";

/** Append-only record of who did what, when and why: decisions, reversals, redactions, logins, account changes. */
const AuditEventSchema = new Schema(
  {
    actor: { type: Schema.Types.ObjectId, ref: "User" },
    actorEmail: { type: String },
    /** e.g. feedback.approve, feedback.reject, feedback.reverse, feedback.redact, auth.login, auth.login-failed, user.create */
    action: { type: String, required: true },
    targetType: { type: String, required: true },
    targetId: { type: String, required: true },
    reason: { type: String },
    note: { type: String },
    before: { type: Schema.Types.Mixed },
    after: { type: Schema.Types.Mixed },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);
AuditEventSchema.index({ createdAt: -1, _id: -1 });
AuditEventSchema.index({ actor: 1, createdAt: -1, _id: -1 });
AuditEventSchema.index({ targetType: 1, targetId: 1, createdAt: -1, _id: -1 });

export type AuditEventDoc = InferSchemaType<typeof AuditEventSchema>;
export const AuditEvent = defineModel("AuditEvent", AuditEventSchema, "audit_events");
