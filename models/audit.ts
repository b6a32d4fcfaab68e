import { AuditEvent } from "./audit-event";

export interface AuditInput {
  actor?: { id: string; email: string } | null;
  action: string;
  targetType: string;
  targetId: string;
  reason?: string;
  note?: string;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit event (insertOne: atomic on MongoDB and FerretDB). Never pass contacts or IPs. */
export async function recordAudit(input: AuditInput): Promise<void> {
  await AuditEvent.create({
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
}
