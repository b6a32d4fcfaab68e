import type { Types } from "mongoose";
import { Feedback, REJECT_REASONS, type RejectReason } from "./feedback";

/**
 * What materialised counters cannot give (time, flags), computed by aggregation over the feedback
 * collection within the database rules: $match/$project/$group with $sum only; days are
 * bucketed here in TypeScript because date operators are outside the common ground.
 */

/** The flag kind the intake sets for many similar items on one organization in minutes (models/feedback-flags.ts). */
export const CAMPAIGN_FLAG = "burst";

/** Vietnam keeps UTC+7 all year: a calendar day in Đồng Nai. */
const LOCAL_OFFSET_MS = 7 * 3_600_000;

export function localDay(date: Date): string {
  return new Date(date.getTime() + LOCAL_OFFSET_MS).toISOString().slice(0, 10);
}

export interface DayCount {
  day: string;
  total: number;
  /** district → feedback received that day */
  districts: Record<string, number>;
}

/** Feedback received per day (every status: participation, not agreement), per district, oldest day first. */
export async function feedbackPerDay({ period, district }: { period: string; district?: string }): Promise<DayCount[]> {
  const items = await Feedback.aggregate<{ district: string; createdAt: Date }>([
    { $match: district ? { period, district } : { period } },
    { $project: { _id: 0, district: 1, createdAt: 1 } },
  ]);
  const days = new Map<string, DayCount>();
  for (const item of items) {
    const day = localDay(item.createdAt);
    const entry = days.get(day) ?? { day, total: 0, districts: {} };
    entry.total += 1;
    entry.districts[item.district] = (entry.districts[item.district] ?? 0) + 1;
    days.set(day, entry);
  }
  return [...days.values()].sort((a, b) => a.day.localeCompare(b.day));
}

export interface ReasonCount {
  reason: RejectReason;
  count: number;
}

/** Rejected feedback per reason (every reason listed, zeros included, in the fixed order). */
export async function rejectedByReason({ period, district }: { period: string; district?: string }): Promise<ReasonCount[]> {
  const groups = await Feedback.aggregate<{ _id: RejectReason | null; n: number }>([
    { $match: { period, status: "rejected", ...(district ? { district } : {}) } },
    { $group: { _id: "$moderation.reason", n: { $sum: 1 } } },
  ]);
  const counts = new Map<string, number>();
  for (const g of groups) counts.set(g._id ?? "other", (counts.get(g._id ?? "other") ?? 0) + g.n);
  return REJECT_REASONS.map((reason) => ({ reason, count: counts.get(reason) ?? 0 }));
}

/** Feedback items carrying a campaign flag, per evaluation id (any status: the moderator may have rejected them). */
export async function campaignFlagsByEvaluation({ period }: { period: string }): Promise<Map<string, number>> {
  const groups = await Feedback.aggregate<{ _id: Types.ObjectId; n: number }>([
    // Matches items whose flags array holds a campaign flag; each item counts once however many it holds.
    { $match: { period, "flags.kind": CAMPAIGN_FLAG } },
    { $group: { _id: "$evaluation", n: { $sum: 1 } } },
  ]);
  return new Map(groups.map((g) => [String(g._id), g.n]));
}
