import { Schema } from "mongoose";
import { loadedRow } from "../catalog/catalog-cache.server";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { Evaluation } from "../catalog/evaluation.server";
import { Feedback } from "../feedback/feedback.server";
import { vietnamDay } from "../lib/vietnam-time";

/**
 * Feedback received per period, Vietnam day and district: a read model raised by one $inc by _id when an
 * item arrives (moveCounters), so /summary never aggregates the feedback collection on a request.
 * `npm run summaries:rebuild` recounts it from the feedback collection.
 */
const ParticipationDaySchema = new Schema(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    day: { type: String, required: true },
    total: { type: Number, required: true, default: 0 },
    /** district → items received that day */
    districts: { type: Map, of: Number, default: () => new Map() },
  },
  { versionKey: false },
);
ParticipationDaySchema.index({ period: 1, _id: 1 });
export const ParticipationDay = defineModel("ParticipationDay", ParticipationDaySchema, "participationdays");

export interface DayCount {
  day: string;
  total: number;
  /** district → feedback received that day */
  districts: Record<string, number>;
}

/** A district name as a document key (keys may not hold `.` or `$`). */
function districtKey(district: string): string {
  return district.replace(/[.$]/g, "_");
}

function dayId(period: string, day: string): string {
  return `${period}:${day}`;
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/** $inc of one day's document, created on first use (serialised per day on FerretDB, whose upsert reads then writes). */
function incrementDay(period: string, day: string, inc: Record<string, number>): Promise<unknown> {
  const write = () =>
    ParticipationDay.updateOne({ _id: dayId(period, day) }, { $inc: inc, $setOnInsert: { period, day } }, { upsert: true });
  // Two first upserts of a day at once: the loser's retry finds the document and increments it.
  return serialised(ParticipationDay, dayId(period, day), () =>
    write().catch((error: unknown) => (isDuplicateKey(error) ? write() : Promise.reject(error))),
  );
}

/** Counts one item received now on an evaluation (its period and district from the catalog in memory, else by _id). */
export async function countReceived({ evaluationId, at = new Date() }: { evaluationId: string; at?: Date }): Promise<void> {
  const place = loadedRow(evaluationId) ?? (await Evaluation.findById(evaluationId, { period: 1, district: 1 }).lean());
  if (!place) return;
  await incrementDay(place.period, vietnamDay(at), { total: 1, [`districts.${districtKey(place.district)}`]: 1 });
}

interface StoredDay {
  _id: string;
  day: string;
  total: number;
  districts?: Record<string, number>;
}

/** Items received per day (every status: participation, not agreement), per district, oldest day first. */
export async function feedbackPerDay({ period, district }: { period: string; district?: string }): Promise<DayCount[]> {
  const docs = await ParticipationDay.find({ period }, { day: 1, total: 1, districts: 1 }).sort({ period: 1, _id: 1 }).lean<StoredDay[]>();
  const days = docs.map((doc) => ({ day: doc.day, total: doc.total, districts: { ...doc.districts } }));
  if (!district) return days.filter((d) => d.total > 0);
  const key = districtKey(district);
  return days
    .filter((d) => (d.districts[key] ?? 0) > 0)
    .map((d) => ({ day: d.day, total: d.districts[key]!, districts: { [district]: d.districts[key]! } }));
}

/** What the day documents should hold, counted from the feedback collection. */
async function recountDays(
  scope: Record<string, unknown>,
): Promise<Map<string, { period: string; day: string; paths: Record<string, number> }>> {
  const items = await Feedback.aggregate<{ period: string; district: string; createdAt: Date }>([
    { $match: scope },
    { $project: { _id: 0, period: 1, district: 1, createdAt: 1 } },
  ]);
  const days = new Map<string, { period: string; day: string; paths: Record<string, number> }>();
  for (const item of items) {
    const day = vietnamDay(item.createdAt);
    const id = dayId(item.period, day);
    const entry = days.get(id) ?? { period: item.period, day, paths: {} };
    for (const path of ["total", `districts.${districtKey(item.district)}`]) entry.paths[path] = (entry.paths[path] ?? 0) + 1;
    days.set(id, entry);
  }
  return days;
}

/**
 * Brings the day documents in line with the feedback collection (optionally one period) by $inc of the
 * difference, so an item received meanwhile keeps its own increment. Returns the documents changed.
 */
export async function rebuildParticipation({ period }: { period?: string } = {}): Promise<number> {
  const scope = period ? { period } : {};
  const expected = await recountDays(scope);
  const stored = await ParticipationDay.find(scope, { period: 1, day: 1, total: 1, districts: 1 }).lean<
    (StoredDay & { period: string })[]
  >();
  for (const doc of stored) if (!expected.has(doc._id)) expected.set(doc._id, { period: doc.period, day: doc.day, paths: {} });
  const storedById = new Map(stored.map((doc) => [doc._id, doc]));
  let changed = 0;
  for (const [id, want] of expected) {
    const have = storedById.get(id);
    const current: Record<string, number> = { total: have?.total ?? 0 };
    for (const [key, n] of Object.entries(have?.districts ?? {})) current[`districts.${key}`] = n;
    const inc: Record<string, number> = {};
    for (const path of new Set([...Object.keys(current), ...Object.keys(want.paths)])) {
      const diff = (want.paths[path] ?? 0) - (current[path] ?? 0);
      if (diff !== 0) inc[path] = diff;
    }
    if (Object.keys(inc).length === 0) continue;
    await incrementDay(want.period, want.day, inc);
    changed += 1;
  }
  return changed;
}
