import { Evaluation } from "./evaluation";
import type { Label, PeriodView, ScaleEntry } from "./period";

/** How many organizations (or members) a period puts at one key of its scale. */
export interface ScaleCount {
  key: string;
  label: Label;
  count: number;
}

export interface PeriodOverview {
  period: PeriodView;
  organizations: number;
  /** Party members across the period's organizations. */
  members: number;
  /** Organizations per rating, in scale order (zeros included). */
  ratings: ScaleCount[];
  /** Members per member-quality category, in scale order (zeros included). */
  memberCategories: ScaleCount[];
}

interface GroupRow {
  _id: string | null;
  count: number;
}

/** Counts in scale order; a key found in the data but missing from the scale still shows, labelled by its key. */
function inScaleOrder(scale: ScaleEntry[], rows: GroupRow[]): ScaleCount[] {
  const counts = new Map(rows.map((row) => [row._id ?? "", row.count]));
  const known = scale.map((entry) => ({ key: entry.key, label: entry.label, count: counts.get(entry.key) ?? 0 }));
  const strays = [...counts.entries()]
    .filter(([key]) => !scale.some((entry) => entry.key === key))
    .map(([key, count]) => ({ key, label: { vi: key, en: key }, count }));
  return [...known, ...strays];
}

/** One $group with a single accumulator: FerretDB 1.24 returns 0 for every accumulator after the first. */
function sumBy(period: string, key: string, value: string | number, unwind?: string) {
  return Evaluation.aggregate<GroupRow>([
    { $match: { period } },
    ...(unwind ? [{ $unwind: unwind }] : []),
    { $group: { _id: key, count: { $sum: value } } },
    { $sort: { _id: 1 } },
  ]);
}

/**
 * A period at a glance: organizations per rating, members, and members per quality category,
 * each from one $group over the period's evaluations (ratios are computed by the caller).
 */
export async function periodOverview({ period }: { period: PeriodView }): Promise<PeriodOverview> {
  const [byRating, members, byMemberCategory] = await Promise.all([
    sumBy(period.code, "$rating", 1),
    sumBy(period.code, "$period", "$members"),
    sumBy(period.code, "$memberCounts.key", "$memberCounts.count", "$memberCounts"),
  ]);
  return {
    period,
    organizations: byRating.reduce((sum, row) => sum + row.count, 0),
    members: members[0]?.count ?? 0,
    ratings: inScaleOrder(period.ratingScale, byRating),
    memberCategories: inScaleOrder(period.memberScale, byMemberCategory),
  };
}
