import { wilsonInterval } from "../lib/wilson";

/**
 * When an evaluation must be re-reviewed, from the summary's own numbers. Pure: the approval path, the
 * recount script and the unit tests share it. Either rule can be off.
 */
export interface ReviewThresholds {
  /** The 95% Wilson interval's lower bound of the disagreement share is above `minLowerBound`, with `minSides` sides taken. */
  disagreement: { enabled: boolean; minLowerBound: number; minSides: number };
  /** More than half of the ratings residents state differ from the official one, and at least `minCount` do. */
  proposals: { enabled: boolean; minCount: number };
}

export const THRESHOLDS_OFF: ReviewThresholds = {
  disagreement: { enabled: false, minLowerBound: 0.5, minSides: 30 },
  proposals: { enabled: false, minCount: 20 },
};

export type ReviewReason = "disagreement" | "proposals";

/** The counted views a rule reads: approved stances and the ratings disagreeing residents proposed. */
export interface ReviewCounts {
  agree: number;
  disagree: number;
  proposed: Record<string, number>;
}

/** The numbers a case keeps from the moment it opened. */
export interface ReviewNumbers {
  agree: number;
  disagree: number;
  /** agree + disagree */
  sides: number;
  /** Lower bound of the 95% Wilson interval of disagree / sides (null when nobody took a side), 4 decimals. */
  disagreementLow: number | null;
  /** Ratings stated: agreeing views state the official rating, disagreeing ones the rating they proposed. */
  stated: number;
  /** Stated ratings other than the official one. */
  differing: number;
}

const round4 = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Views given since `baseline` (the counts when the rating last changed): a revised rating is judged on
 * the views given about it, not on the ones that led to the revision.
 */
export function countsSince(now: ReviewCounts, baseline: ReviewCounts | null | undefined): ReviewCounts {
  if (!baseline) return now;
  const proposed: Record<string, number> = {};
  for (const [key, n] of Object.entries(now.proposed)) proposed[key] = Math.max(0, n - (baseline.proposed[key] ?? 0));
  return { agree: Math.max(0, now.agree - baseline.agree), disagree: Math.max(0, now.disagree - baseline.disagree), proposed };
}

export function reviewNumbers(counts: ReviewCounts, rating: string): ReviewNumbers {
  const sides = counts.agree + counts.disagree;
  // The interval of the disagreement share: disagree are the successes.
  const interval = wilsonInterval(counts.disagree, counts.agree);
  let proposals = 0;
  let differing = 0;
  for (const [key, n] of Object.entries(counts.proposed)) {
    proposals += n;
    if (key !== rating) differing += n;
  }
  return {
    agree: counts.agree,
    disagree: counts.disagree,
    sides,
    disagreementLow: interval ? round4(interval[0]) : null,
    stated: counts.agree + proposals,
    differing,
  };
}

/** The first rule the numbers cross (disagreement before proposals), or null. */
export function crossedRule(numbers: ReviewNumbers, thresholds: ReviewThresholds): ReviewReason | null {
  const d = thresholds.disagreement;
  if (d.enabled && numbers.sides >= d.minSides && numbers.disagreementLow !== null && numbers.disagreementLow > d.minLowerBound)
    return "disagreement";
  const p = thresholds.proposals;
  if (p.enabled && numbers.differing >= p.minCount && numbers.differing * 2 > numbers.stated) return "proposals";
  return null;
}

export function anyRuleOn(thresholds: ReviewThresholds): boolean {
  return thresholds.disagreement.enabled || thresholds.proposals.enabled;
}
