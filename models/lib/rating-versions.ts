/** Rating versions of one evaluation (pure, browser-safe): `rating` is current, `ratingHistory` the changes, oldest first. */
export interface RatingVersions {
  rating: string;
  ratingHistory?: readonly { from: string; to: string }[];
}

/** The rating first published, before any revision. */
export function firstRating(evaluation: RatingVersions): string {
  return evaluation.ratingHistory?.[0]?.from ?? evaluation.rating;
}

/** The rating a comment was given on; comments older than rating versions were given on the first rating. */
export function ratingGivenOn(item: { ratingGiven?: string | null }, evaluation: RatingVersions): string {
  return item.ratingGiven ?? firstRating(evaluation);
}
