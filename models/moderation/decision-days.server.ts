import { Schema } from "mongoose";
import { AuditEvent } from "./audit-event.server";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { vietnamDay } from "../lib/vietnam-time";

/**
 * Moderation decisions per Vietnam day, `_id` = the day (YYYY-MM-DD): approvals, rejections, published comments
 * kept or removed after review (decision 019) and a histogram of how long the newly decided items waited.
 * Raised by one $inc by `_id` when a decision is audited, so the statistics page reads at most one small
 * document per day instead of the audit trail.
 */
const DecisionDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    approved: { type: Number, required: true, default: 0 },
    rejected: { type: Number, required: true, default: 0 },
    kept: { type: Number, required: true, default: 0 },
    removed: { type: Number, required: true, default: 0 },
    /** waitBucket(minutes) → decisions whose item waited that long */
    waits: { type: Map, of: Number, default: () => new Map() },
  },
  { versionKey: false },
);
export const DecisionDay = defineModel("DecisionDay", DecisionDaySchema, "decisiondays");

/** The tallies of a day, in the order the statistics page stacks and lists them. */
export const DECISION_TALLIES = ["approved", "rejected", "kept", "removed"] as const;
export type DecisionTally = (typeof DECISION_TALLIES)[number];

/** The audit actions that are decisions, and the tally each raises (audited only by the moderator who claimed the item). */
const DECISION_FIELDS: Record<string, DecisionTally> = {
  "feedback.approve": "approved",
  "feedback.reject": "rejected",
  "feedback.keep": "kept",
  "feedback.remove": "removed",
};

/** Histogram resolution: 500 buckets per e-fold, so a bucket is 0.2% wide: invisible once shown in minutes, hours or days. */
const STEPS_PER_E = 500;

/** The histogram key for a wait: logarithmic, so a year-long wait needs no more keys than a minute-long one. */
export function waitBucket(minutes: number): string {
  return `w${Math.round(Math.log1p(Math.max(0, minutes)) * STEPS_PER_E)}`;
}

/** The wait (minutes) a histogram key stands for. */
export function bucketMinutes(key: string): number {
  return Math.expm1(Number(key.slice(1)) / STEPS_PER_E);
}

const HOUR = 3_600_000;

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** $inc of one day's document, created on first use (serialised per day on FerretDB, whose upsert reads then writes). */
export function incrementDecisionDay(day: string, inc: Record<string, number>): Promise<unknown> {
  const write = () => DecisionDay.updateOne({ _id: day }, { $inc: inc }, { upsert: true });
  // Two first upserts of a day at once: the loser's retry finds the document and increments it.
  return serialised(DecisionDay, day, () => write().catch((error: unknown) => (isDuplicateKey(error) ? write() : Promise.reject(error))));
}

/** What one audited decision adds to its day: the tally and, when the item's arrival is known, its wait. */
export function decisionIncrement({
  action,
  at,
  submittedAt,
}: {
  action: string;
  at: Date;
  submittedAt?: unknown;
}): Record<string, number> | null {
  const field = DECISION_FIELDS[action];
  if (!field) return null;
  const arrived = submittedAt instanceof Date || typeof submittedAt === "string" ? new Date(submittedAt) : null;
  const inc: Record<string, number> = { [field]: 1 };
  if (arrived && !Number.isNaN(arrived.getTime())) inc[`waits.${waitBucket((at.getTime() - arrived.getTime()) / 60_000)}`] = 1;
  return inc;
}

/** Counts an audited decision in its day (nothing for other actions). */
export async function tallyDecision(input: { action: string; at: Date; submittedAt?: unknown }): Promise<void> {
  const inc = decisionIncrement(input);
  if (inc) await incrementDecisionDay(vietnamDay(input.at), inc);
}

export interface StoredDecisionDay extends Record<DecisionTally, number> {
  day: string;
  waits: Record<string, number>;
}

/** A day document's tallies, zero where a field is missing (days stored before a tally existed). */
function tallies(doc: Partial<Record<DecisionTally, number>> | null): Record<DecisionTally, number> {
  return Object.fromEntries(DECISION_TALLIES.map((field) => [field, doc?.[field] ?? 0])) as Record<DecisionTally, number>;
}

/** The given days' documents by `_id` (one indexed read each; a day without decisions reads as zeros). */
export async function readDecisionDays(days: string[]): Promise<StoredDecisionDay[]> {
  const docs = await Promise.all(
    days.map((day) =>
      DecisionDay.findById(day, { ...Object.fromEntries(DECISION_TALLIES.map((field) => [field, 1])), waits: 1 }).lean<
        Partial<Record<DecisionTally, number>> & { waits?: Record<string, number> }
      >(),
    ),
  );
  return days.map((day, i) => ({ day, ...tallies(docs[i] ?? null), waits: { ...docs[i]?.waits } }));
}

/** The median of the waits a set of histograms holds (minutes), null when none. */
export function histogramMedian(histograms: Record<string, number>[]): number | null {
  const counts = new Map<number, number>();
  for (const histogram of histograms)
    for (const [key, n] of Object.entries(histogram)) counts.set(Number(key.slice(1)), (counts.get(Number(key.slice(1))) ?? 0) + n);
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  if (total <= 0) return null;
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  /** The value at 0-based position `rank` of the expanded, sorted list. */
  const at = (rank: number) => {
    let seen = 0;
    for (const [step, n] of sorted) {
      seen += n;
      if (rank < seen) return bucketMinutes(`w${step}`);
    }
    return bucketMinutes(`w${sorted.at(-1)![0]}`);
  };
  return (at(Math.floor((total - 1) / 2)) + at(Math.floor(total / 2))) / 2;
}

/** Expected day documents from the audit trail's decisions since `since` (a script's scan, never a request's). */
async function recountDays(since: Date): Promise<Map<string, Record<string, number>>> {
  const events = await AuditEvent.find(
    { action: { $in: Object.keys(DECISION_FIELDS) }, createdAt: { $gte: since } },
    { action: 1, createdAt: 1, before: 1 },
  ).lean();
  const days = new Map<string, Record<string, number>>();
  for (const event of events) {
    const inc = decisionIncrement({
      action: event.action,
      at: event.createdAt,
      submittedAt: (event.before as { submittedAt?: unknown } | null)?.submittedAt,
    });
    const day = vietnamDay(event.createdAt);
    const paths = days.get(day) ?? {};
    for (const [path, n] of Object.entries(inc ?? {})) paths[path] = (paths[path] ?? 0) + n;
    days.set(day, paths);
  }
  return days;
}

/**
 * Brings the day documents of the last `days` days in line with the audit trail by $inc of the difference
 * (a decision taken meanwhile keeps its own increment); for `summaries:rebuild`. Returns the days changed.
 */
export async function rebuildDecisionDays({ days = 90, now = new Date() }: { days?: number; now?: Date } = {}): Promise<number> {
  const ids = Array.from({ length: days }, (_, i) => vietnamDay(new Date(now.getTime() - i * 24 * HOUR)));
  const since = new Date(`${ids.at(-1)}T00:00:00+07:00`);
  const [expected, stored] = await Promise.all([recountDays(since), readDecisionDays(ids)]);
  let changed = 0;
  for (const have of stored) {
    const current: Record<string, number> = tallies(have);
    for (const [key, n] of Object.entries(have.waits)) current[`waits.${key}`] = n;
    const want = expected.get(have.day) ?? {};
    const inc: Record<string, number> = {};
    for (const path of new Set([...Object.keys(current), ...Object.keys(want)])) {
      const diff = (want[path] ?? 0) - (current[path] ?? 0);
      if (diff !== 0) inc[path] = diff;
    }
    if (Object.keys(inc).length === 0) continue;
    await incrementDecisionDay(have.day, inc);
    changed += 1;
  }
  return changed;
}
