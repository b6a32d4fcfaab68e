import mongoose from "mongoose";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { DECISION_TALLIES, readDecisionDays, histogramMedian, type DecisionTally } from "./decision-days.server";
import { vietnamDay } from "../lib/vietnam-time";
import { REJECT_REASONS, type RejectReason } from "../feedback/feedback.server";
import { QueueEntry } from "./queue-entry.server";
import { pendingEntries, queueIndexed, type EntryKeys } from "./queue-index.server";
import { queueGeneration } from "../db/read-model-state.server";
import { memo } from "../summary/summary-cache";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Statistics are read at most this often; a decision forgets them at once (forgetMemo clears "counters:" keys). */
const STATS_MAX_AGE_MS = 15_000;

/** One day's decisions: new comments approved or rejected, published comments kept or removed after review. */
export interface DayCount extends Record<DecisionTally, number> {
  day: string;
}

export interface ModerationStats {
  generatedAt: string;
  days: number;
  /** `pending`: new comments; `removalRequests` and `reported`: published comments back for review (residents' follow-up). */
  queue: {
    pending: number;
    flagged: number;
    olderThanDay: number;
    olderThanWeek: number;
    oldestAt: string | null;
    removalRequests: number;
    reported: number;
  };
  perDay: DayCount[];
  decisions: number;
  medianMinutes: number | null;
  reasons: { reason: RejectReason; count: number }[];
  /** Comments per follow-up status (withdrawn, awaiting review, removed) over every published period. */
  followUp: Record<string, number>;
}

type QueueState = ModerationStats["queue"];

/** Every pending entry's keys (one scan of the queue collection), for the embedded database's in-process index. */
const scanQueueKeys = () =>
  QueueEntry.find({}, { createdAt: 1, period: 1, district: 1, stance: 1, flagged: 1, organization: 1, kind: 1 }).lean<EntryKeys[]>();

/** Embedded database: one pass over the queue's keys in memory, oldest first (no query reads the queue). */
async function queueFromIndex(now: Date): Promise<QueueState> {
  const entries = await pendingEntries({
    filter: {},
    size: Number.POSITIVE_INFINITY,
    generation: await queueGeneration(),
    scan: scanQueueKeys,
  });
  const older = (ms: number) => entries.filter((entry) => entry.createdAt < now.getTime() - ms).length;
  const ofKind = (kind: string) => entries.filter((entry) => entry.kind === kind).length;
  const removalRequests = ofKind("removal");
  const reported = ofKind("reports");
  return {
    pending: entries.length - removalRequests - reported,
    removalRequests,
    reported,
    flagged: entries.filter((entry) => entry.flagged).length,
    olderThanDay: older(DAY),
    olderThanWeek: older(7 * DAY),
    oldestAt: entries[0] ? new Date(entries[0].createdAt).toISOString() : null,
  };
}

/** MongoDB: the queue collection's size from its metadata, the rest counted on its {flagged,…} and {createdAt, _id} indexes. */
async function queueFromIndexes(now: Date): Promise<QueueState> {
  const [entries, flagged, olderThanDay, olderThanWeek, oldest, removalRequests, reported] = await Promise.all([
    QueueEntry.estimatedDocumentCount(),
    QueueEntry.countDocuments({ flagged: true }),
    QueueEntry.countDocuments({ createdAt: { $lt: new Date(now.getTime() - DAY) } }),
    QueueEntry.countDocuments({ createdAt: { $lt: new Date(now.getTime() - 7 * DAY) } }),
    QueueEntry.findOne({}, { createdAt: 1 }).sort({ createdAt: 1, _id: 1 }).lean(),
    QueueEntry.countDocuments({ kind: "removal" }),
    QueueEntry.countDocuments({ kind: "reports" }),
  ]);
  return {
    pending: entries - removalRequests - reported,
    removalRequests,
    reported,
    flagged,
    olderThanDay,
    olderThanWeek,
    oldestAt: oldest ? oldest.createdAt.toISOString() : null,
  };
}

/** Rejected items per reason category over every published period: the evaluations' `rejected` counters, in memory. */
async function rejectionReasons(): Promise<{ reason: RejectReason; count: number }[]> {
  const counts = new Map<string, number>();
  for (const row of (await catalogSnapshot()).rowsById.values())
    for (const [reason, n] of Object.entries(row.rejected)) counts.set(reason, (counts.get(reason) ?? 0) + n);
  return REJECT_REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0 })).filter((row) => row.count > 0);
}

/** Comments per residents' follow-up status: the evaluations' `followUp` counters, in memory. */
async function followUpCounts(): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const row of (await catalogSnapshot()).rowsById.values())
    for (const [status, n] of Object.entries(row.followUp ?? {})) counts[status] = (counts[status] ?? 0) + n;
  return counts;
}

/** The last `days` Vietnam days up to `now`'s, oldest first: the chart's rows, quiet days included. */
export function windowDays(now: Date, days: number): string[] {
  return Array.from({ length: days }, (_, i) => vietnamDay(new Date(now.getTime() - (days - 1 - i) * DAY)));
}

async function computeStats(days: number, now: Date): Promise<ModerationStats> {
  const [queue, reasons, perDay, followUp] = await Promise.all([
    queueIndexed() ? queueFromIndex(now) : queueFromIndexes(now),
    rejectionReasons(),
    readDecisionDays(windowDays(now, days)),
    followUpCounts(),
  ]);
  const waited = histogramMedian(perDay.map((row) => row.waits));
  return {
    generatedAt: now.toISOString(),
    days,
    queue,
    perDay: perDay.map(({ day, approved, rejected, kept, removed }) => ({ day, approved, rejected, kept, removed })),
    decisions: perDay.reduce((sum, row) => DECISION_TALLIES.reduce((daySum, field) => daySum + row[field], sum), 0),
    medianMinutes: waited === null ? null : Math.round(waited),
    reasons,
    followUp,
  };
}

/**
 * Queue size and age, decisions per day and the median wait over the last `days`, rejection reasons: from the
 * queue (its in-process index on the embedded database), the decision-day read model and the evaluations'
 * counters; never the feedback collection or the audit trail. Memoised briefly unless `now` is given.
 */
export async function moderationStats({ days = 30, now }: { days?: number; now?: Date } = {}): Promise<ModerationStats> {
  if (now) return computeStats(days, now);
  return memo(`counters:moderation-stats:${mongoose.connection.name}:${days}`, STATS_MAX_AGE_MS, () => computeStats(days, new Date()));
}

/** Rejected feedback per reason, and removals after reports, for each evaluation of an organization (the public transparency line), keyed by evaluation id. */
export async function publicRejections({
  organizationCode,
}: {
  organizationCode: string;
}): Promise<Record<string, Record<string, number>>> {
  const snapshot = await catalogSnapshot();
  const org = snapshot.organizations.get(organizationCode);
  const rows = org ? (snapshot.rowsByOrganization.get(org.id) ?? []) : [];
  // Comments removed after readers' reports join the line under their own key (shown as a sentence of their own).
  const removed = (row: (typeof rows)[number]) => row.followUp?.["removed-after-reports"] ?? 0;
  return Object.fromEntries(
    rows.map((row) => [row.id, { ...row.rejected, ...(removed(row) > 0 ? { "removed-after-reports": removed(row) } : {}) }]),
  );
}
