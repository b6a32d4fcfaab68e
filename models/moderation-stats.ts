import { AuditEvent } from "./audit-event";
import { catalogSnapshot } from "./catalog-cache";
import { Feedback, REJECT_REASONS, type RejectReason } from "./feedback";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Days are counted in Vietnam's time zone (UTC+7, no daylight saving). */
const VIETNAM_OFFSET = 7 * HOUR;
/** Decisions read for the daily chart and the median: bounded so the page stays fast. */
const MAX_DECISIONS_READ = 20_000;

export interface DayCount {
  day: string;
  approved: number;
  rejected: number;
}

export interface ModerationStats {
  generatedAt: string;
  days: number;
  queue: { pending: number; flagged: number; olderThanDay: number; olderThanWeek: number; oldestAt: string | null };
  perDay: DayCount[];
  decisions: number;
  medianMinutes: number | null;
  reasons: { reason: RejectReason; count: number }[];
}

/** The calendar day (YYYY-MM-DD, Vietnam time) an instant falls on. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + VIETNAM_OFFSET).toISOString().slice(0, 10);
}

export function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** One row per day of the window, oldest first, zeros included so a chart has no gaps. */
export function decisionsPerDay(events: { at: Date; action: string }[], now: Date, days: number): DayCount[] {
  const rows = new Map<string, DayCount>();
  for (let i = days - 1; i >= 0; i--) {
    const day = vietnamDay(new Date(now.getTime() - i * DAY));
    rows.set(day, { day, approved: 0, rejected: 0 });
  }
  for (const event of events) {
    const row = rows.get(vietnamDay(event.at));
    if (!row) continue;
    if (event.action === "feedback.approve") row.approved++;
    else row.rejected++;
  }
  return [...rows.values()];
}

async function queueState(now: Date) {
  const [pending, flagged, olderThanDay, olderThanWeek, oldest] = await Promise.all([
    Feedback.countDocuments({ status: "pending" }),
    Feedback.countDocuments({ status: "pending", "flags.0": { $exists: true } }),
    Feedback.countDocuments({ status: "pending", createdAt: { $lt: new Date(now.getTime() - DAY) } }),
    Feedback.countDocuments({ status: "pending", createdAt: { $lt: new Date(now.getTime() - 7 * DAY) } }),
    Feedback.findOne({ status: "pending" }, { createdAt: 1 }).sort({ createdAt: 1, _id: 1 }).lean(),
  ]);
  return { pending, flagged, olderThanDay, olderThanWeek, oldestAt: oldest ? oldest.createdAt.toISOString() : null };
}

/** Rejected items per reason category, over all time (a $match/$group/$sum pipeline). */
async function rejectionReasons(): Promise<{ reason: RejectReason; count: number }[]> {
  const rows = await Feedback.aggregate<{ _id: string | null; count: number }>([
    { $match: { status: "rejected" } },
    { $group: { _id: "$moderation.reason", count: { $sum: 1 } } },
  ]);
  const counts = new Map(rows.map((row) => [row._id ?? "other", row.count]));
  return REJECT_REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0 })).filter((row) => row.count > 0);
}

/** Queue size and age, decisions per day and the median wait over the last `days`, rejection reasons. */
export async function moderationStats({ days = 30, now = new Date() }: { days?: number; now?: Date } = {}): Promise<ModerationStats> {
  const since = new Date(now.getTime() - days * DAY);
  const [queue, reasons, events] = await Promise.all([
    queueState(now),
    rejectionReasons(),
    AuditEvent.find({ action: { $in: ["feedback.approve", "feedback.reject"] }, createdAt: { $gte: since } }, { action: 1, createdAt: 1, before: 1 })
      .sort({ createdAt: -1, _id: -1 })
      .limit(MAX_DECISIONS_READ)
      .lean(),
  ]);
  const waits = events.flatMap((event) => {
    const submitted = (event.before as { submittedAt?: unknown } | null)?.submittedAt;
    const at = submitted ? new Date(submitted as string) : null;
    return at && !Number.isNaN(at.getTime()) ? [(event.createdAt.getTime() - at.getTime()) / 60_000] : [];
  });
  const waited = median(waits);
  return {
    generatedAt: now.toISOString(),
    days,
    queue,
    perDay: decisionsPerDay(events.map((e) => ({ at: e.createdAt, action: e.action })), now, days),
    decisions: events.length,
    medianMinutes: waited === null ? null : Math.round(waited),
    reasons,
  };
}

/** Rejected feedback per reason for each evaluation of an organization (the public transparency line), keyed by evaluation id. */
export async function publicRejections({ organizationCode }: { organizationCode: string }): Promise<Record<string, Record<string, number>>> {
  const snapshot = await catalogSnapshot();
  const org = snapshot.organizations.get(organizationCode);
  const rows = org ? (snapshot.rowsByOrganization.get(org.id) ?? []) : [];
  return Object.fromEntries(rows.map((row) => [row.id, { ...row.rejected }]));
}
