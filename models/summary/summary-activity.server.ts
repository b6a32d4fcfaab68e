import { REJECT_REASONS, type RejectReason } from "../feedback/feedback.server";
import { periodCounterDocs } from "./summary.server";
import { addInto } from "./summary-rows";

/**
 * The summary's activity figures: participation per day (a read model, models/summary/participation.server.ts), rejections
 * per reason (the evaluations' counters) and campaign flags (a read model, models/feedback/campaign-flags.server.ts).
 */

export { campaignFlagsByEvaluation } from "../feedback/campaign-flags.server";
export { feedbackPerDay, type DayCount } from "./participation.server";

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
