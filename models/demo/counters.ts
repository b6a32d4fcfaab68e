import { contribution } from "../feedback/counters.server";
import { addInto } from "../summary/summary-rows";
import type { FeedbackPlan } from "./feedback";

export interface EvaluationCounters {
  counters: { agree: number; disagree: number; neutral: number; pending: number };
  residentCounters: { agree: number; disagree: number; neutral: number; pending: number };
  proposed: Record<string, number>;
  rejected: Record<string, number>;
}

export function emptyCounters(): EvaluationCounters {
  return {
    counters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    residentCounters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    proposed: {},
    rejected: {},
  };
}

/**
 * Each evaluation's counters as contribution() adds them up, so the seeded counters equal a
 * recount from the start and are written with the evaluations rather than $inc'ed item by item.
 */
export function countersByEvaluation(feedback: FeedbackPlan[]): Map<string, EvaluationCounters> {
  const paths = new Map<string, Record<string, number>>();
  for (const item of feedback) {
    const key = String(item.evaluation);
    const sum = paths.get(key) ?? {};
    addInto(
      sum,
      contribution({
        status: item.status,
        stance: item.stance,
        isResident: item.isResident,
        proposedRating: item.proposedRating,
        rejectReason: item.moderation?.reason,
      }),
    );
    paths.set(key, sum);
  }
  const out = new Map<string, EvaluationCounters>();
  for (const [key, sums] of paths) {
    const counters = emptyCounters();
    for (const [path, n] of Object.entries(sums)) {
      const [field, name] = path.split(".") as [keyof EvaluationCounters, string];
      (counters[field] as Record<string, number>)[name] = n;
    }
    out.set(key, counters);
  }
  return out;
}
