import { z } from "zod";
import { AUDIT_ACTIONS, listAuditEvents } from "../../models/moderation/audit.server";
import type { SessionUser } from "../../models/accounts/auth.server";
import { InvalidCursor } from "../../models/db/cursor";
import { REJECT_REASONS, STANCES } from "../../models/feedback/feedback.server";
import { AlreadyDecided, decideFeedback, FeedbackNotFound, NotAllowed } from "../../models/moderation/moderation.server";
import { DecisionSchema, QUEUE_STATUSES, QueueQuerySchema } from "../../models/moderation/moderation-input.server";
import { listPeriodCodes, listQueue, type QueueItem } from "../../models/moderation/moderation-queue.server";
import { moderationStats, publicRejections } from "../../models/moderation/moderation-stats.server";
import { DISTRICTS } from "../../models/catalog/organization.server";
import { vietnamMidnight } from "../../models/lib/vietnam-time";

/** The choices the queue's forms offer, passed down by loaders (models never reach the browser bundle). */
export const MODERATION_CHOICES = { reasons: REJECT_REASONS, statuses: QUEUE_STATUSES, stances: STANCES, districts: DISTRICTS } as const;
export { AUDIT_ACTIONS, decideFeedback, DecisionSchema, listPeriodCodes, moderationStats, publicRejections };

/** One page of the queue for a query string; `invalid` for bad filters or a tampered cursor. */
export async function queuePage(searchParams: URLSearchParams) {
  const parsed = QueueQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return { ok: false as const, error: parsed.error };
  const { cursor, limit, ...filters } = parsed.data;
  try {
    const page: { items: QueueItem[]; nextCursor: string | null } = await listQueue({ filters, cursor, limit });
    return { ok: true as const, filters, cursor, ...page };
  } catch (error) {
    if (error instanceof InvalidCursor) return { ok: false as const, error: null };
    throw error;
  }
}

/** Status, stable code and translation key for the expected failures of a moderation action; null for anything else. */
export function moderationFailure(error: unknown): { status: 400 | 403 | 404 | 409; code: string; messageKey: string } | null {
  if (error instanceof AlreadyDecided) return { status: 409, code: "already_decided", messageKey: "moderation:errors.alreadyDecided" };
  if (error instanceof FeedbackNotFound) return { status: 404, code: "not_found", messageKey: "moderation:errors.notFound" };
  if (error instanceof NotAllowed) return { status: 403, code: "forbidden", messageKey: "common:errors.forbidden.body" };
  if (error instanceof InvalidCursor) return { status: 400, code: "invalid_cursor", messageKey: "moderation:errors.invalidCursor" };
  return null;
}

const AuditQuerySchema = z.object({
  action: z
    .enum(AUDIT_ACTIONS)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  target: z.string().trim().max(254).optional(),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .or(z.literal("").transform(() => undefined)),
  cursor: z.string().max(200).optional(),
});

/** A page of the audit trail: admins see everyone's events, anybody else only their own. */
export async function auditPage(searchParams: URLSearchParams, user: SessionUser) {
  const parsed = AuditQuerySchema.safeParse(Object.fromEntries(searchParams));
  if (!parsed.success) return { ok: false as const };
  const { action, target, from, to, cursor } = parsed.data;
  try {
    const page = await listAuditEvents({
      actorId: user.role === "admin" ? undefined : user.id,
      action,
      targetId: target || undefined,
      from: from ? vietnamMidnight(from) : undefined,
      to: to ? vietnamMidnight(to, true) : undefined,
      cursor,
      limit: 50,
    });
    return { ok: true as const, filters: { action: action ?? "", target: target ?? "", from: from ?? "", to: to ?? "" }, cursor, ...page };
  } catch (error) {
    if (error instanceof InvalidCursor) return { ok: false as const };
    throw error;
  }
}
