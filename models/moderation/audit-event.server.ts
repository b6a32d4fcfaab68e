import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";

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
// Newest first under each filter the audit page offers (listAuditEvents): none or a date range; a moderator's own
// events (actor), with or without an action; an action; a target id (a handful of events, so an action or actor
// beside it is filtered among them).
AuditEventSchema.index({ createdAt: -1, _id: -1 });
AuditEventSchema.index({ actor: 1, createdAt: -1, _id: -1 });
AuditEventSchema.index({ actor: 1, action: 1, createdAt: -1, _id: -1 });
AuditEventSchema.index({ action: 1, createdAt: -1, _id: -1 });
AuditEventSchema.index({ targetId: 1, createdAt: -1, _id: -1 });

export const AuditEvent = defineModel("AuditEvent", AuditEventSchema, "audit_events");
