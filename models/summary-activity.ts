import type { Types } from "mongoose";
import { Feedback, REJECT_REASONS, type RejectReason } from "./feedback";
import { periodCounterDocs } from "./summary";
import { addInto } from "./summary-rows";

/**
 * The summary's activity figures: participation per day (a read model, models/participation.ts), rejections
 * per reason (the evaluations' counters), and campaign flags, which only the feedback collection holds
 * (the committee's page, memoised for a minute: $match/$group with $sum only).
 */

/** The flag kind the intake sets for many similar items on one organization in minutes (models/feedback-flags.ts). */
export const CAMPAIGN_FLAG = "burst";

export { feedbackPerDay, localDay, type DayCount } from "./participation";

export interface ReasonCount {
  reason: RejectReason;
  count: number;
}

/** Rejected feedback per reason (every reason listed, zeros included, in the fixed order), from the evaluations' counters in memory. */
export async function rejectedByReason({ period, district }: { period: string; district?: string }): Promise<ReasonCount[]> {
  const counts: Record<string, number> = {};
  for (const doc of await periodCounterDocs({ period })) if (!district || doc.district === district) addInto(counts, doc.rejected);
  return REJECT_REASONS.map((reason) => ({ reason, count: counts[reason] ?? 0 }));
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
