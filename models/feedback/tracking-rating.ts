import { ratingGivenOn, type RatingVersions } from "../lib/rating-versions";

/** The evaluation's rating versions with the dates its history keeps (browser-safe). */
export interface DatedRatingVersions extends RatingVersions {
  ratingHistory?: readonly { from: string; to: string; revisedAt: string }[];
}

/** What a tracking page says about ratings: the one the view was given on, the current one, and when it changed. */
export interface TrackingRatings {
  ratingGiven: string;
  currentRating: string;
  /** The revision that made the current rating, when the history has one after the view was sent; else null. */
  ratingRevisedAt: string | null;
}

/** The ratings of one view; an import's silent correction leaves no history, so its change has no date. */
export function trackingRatings(item: { ratingGiven?: string | null; createdAt: Date }, evaluation: DatedRatingVersions): TrackingRatings {
  const ratingGiven = ratingGivenOn(item, evaluation);
  const last = evaluation.ratingHistory?.at(-1);
  const dated = ratingGiven !== evaluation.rating && last?.to === evaluation.rating && new Date(last.revisedAt) >= item.createdAt;
  return { ratingGiven, currentRating: evaluation.rating, ratingRevisedAt: dated ? last.revisedAt : null };
}
