import { Types } from "mongoose";
import { AuditEvent } from "./audit-event.server";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { tallyDecision } from "./decision-days.server";
import { afterPosition } from "../db/keyset.server";

export interface AuditInput {
  /** `id` is absent for someone who is not a user (a failed login with an unknown email, the CLI). */
  actor?: { id?: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string;
  note?: string;
  before?: unknown;
  after?: unknown;
}

/** Every action the app records, for the audit page's filter. */
export const AUDIT_ACTIONS = [
  "feedback.approve",
  "feedback.reject",
  "feedback.reverse",
  "feedback.redact",
  "review.open",
  "review.start",
  "review.decide",
  "review.thresholds",
  "reply.publish",
  "reply.edit",
  "reply.hide",
  "reply.restore",
  "feedback.withdraw",
  "feedback.removal-request",
  "feedback.keep",
  "feedback.remove",
  "settings.report-threshold",
  "auth.login",
  "auth.login-failed",
  "auth.login-locked",
  "auth.login-throttled",
  "auth.logout",
  "user.create",
  "user.disable",
  "user.reset-password",
  "user.unlock",
  "rating.revise",
  "wave.approve",
  "wave.reject",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * Appends one audit event (insertOne: atomic on MongoDB and FerretDB) and counts a decision in its day's
 * read model for the statistics page (`summaries:rebuild` repairs that tally from the trail). Never pass contacts or IPs.
 */
export async function recordAudit(input: AuditInput): Promise<void> {
  const event = await AuditEvent.create({
    actor: input.actor?.id,
    actorEmail: input.actor?.email,
    action: input.action,
    targetType: input.targetType,
    targetId: input.targetId,
    reason: input.reason,
    note: input.note,
    before: input.before,
    after: input.after,
  });
  await tallyDecision({
    action: input.action,
    at: event.createdAt,
    submittedAt: (input.before as { submittedAt?: unknown } | null | undefined)?.submittedAt,
  });
}

export interface AuditEventView {
  id: string;
  at: string;
  actorEmail: string | null;
  action: string;
  targetType: string;
  targetId: string;
  reason: string | null;
  note: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  /** Only this user's own events (what a moderator may see). */
  actorId?: string;
  action?: AuditAction;
  targetId?: string;
  from?: Date;
  to?: Date;
  cursor?: string;
  limit: number;
}

/** Newest first, keyset-paginated on (createdAt, _id); throws InvalidCursor for a tampered cursor. */
export async function listAuditEvents(query: AuditQuery): Promise<{ items: AuditEventView[]; nextCursor: string | null }> {
  let filter: Record<string, unknown> = {};
  if (query.actorId) filter.actor = new Types.ObjectId(query.actorId);
  if (query.action) filter.action = query.action;
  if (query.targetId) filter.targetId = query.targetId;
  const range: Record<string, Date> = {};
  if (query.from) range.$gte = query.from;
  if (query.to) range.$lt = query.to;
  if (Object.keys(range).length > 0) filter.createdAt = range;
  const cursor = decodeCursor(query.cursor, "date");
  if (cursor)
    filter = afterPosition(filter, {
      field: "createdAt",
      key: new Date(String(cursor.k)),
      id: new Types.ObjectId(cursor.id),
      order: "desc",
    });
  const docs = await AuditEvent.find(filter, {
    actorEmail: 1,
    action: 1,
    targetType: 1,
    targetId: 1,
    reason: 1,
    note: 1,
    before: 1,
    after: 1,
    createdAt: 1,
  })
    .sort({ createdAt: -1, _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const page = docs.slice(0, query.limit);
  const last = page.at(-1);
  return {
    items: page.map((doc) => ({
      id: String(doc._id),
      at: doc.createdAt.toISOString(),
      actorEmail: doc.actorEmail ?? null,
      action: doc.action,
      targetType: doc.targetType,
      targetId: doc.targetId,
      reason: doc.reason ?? null,
      note: doc.note ?? null,
      before: doc.before ?? null,
      after: doc.after ?? null,
    })),
    nextCursor: docs.length > query.limit && last ? encodeCursor({ k: last.createdAt.toISOString(), id: String(last._id) }) : null,
  };
}
