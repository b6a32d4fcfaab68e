import { catalogSnapshot } from "./catalog-cache.server";
import { Evaluation } from "./evaluation.server";
import { commentWindow, getPeriod, type PeriodView } from "./period.server";

/** What the intake needs to know about the evaluation a resident comments on. */
export interface EvaluationTarget {
  id: string;
  organization: string;
  period: string;
  district: string;
  /** The current rating: what a comment given now is given on. */
  rating: string;
  window: "open" | "not-yet" | "closed";
  commentsOpenAt: string;
  commentsCloseAt: string;
  ratingKeys: string[];
}

function toTarget(
  row: { id: string; organization: string; period: string; district: string; rating: string },
  period: PeriodView,
  now: Date,
): EvaluationTarget {
  return {
    id: row.id,
    organization: row.organization,
    period: row.period,
    district: row.district,
    rating: row.rating,
    window: commentWindow(period, now),
    commentsOpenAt: period.commentsOpenAt,
    commentsCloseAt: period.commentsCloseAt,
    ratingKeys: period.ratingScale.map((entry) => entry.key),
  };
}

/**
 * What the intake needs about an evaluation, from the catalog in memory; an evaluation outside it (a draft
 * period, an id nobody published) is read by _id.
 */
export async function getEvaluationTarget({
  evaluationId,
  now = new Date(),
}: {
  evaluationId: string;
  now?: Date;
}): Promise<EvaluationTarget | null> {
  const snapshot = await catalogSnapshot();
  const row = snapshot.rowsById.get(evaluationId);
  const period = row && snapshot.periods.find((p) => p.code === row.period);
  if (row && period) return toTarget(row, period, now);
  if (!/^[0-9a-f]{24}$/.test(evaluationId)) return null;
  const doc = await Evaluation.findById(evaluationId, { organization: 1, period: 1, district: 1, rating: 1 }).lean();
  const stored = doc && (await getPeriod({ code: doc.period }));
  return stored
    ? toTarget(
        { id: String(doc._id), organization: String(doc.organization), period: doc.period, district: doc.district, rating: doc.rating },
        stored,
        now,
      )
    : null;
}
