import { describe, expect, it } from "vitest";
import { trackingRatings } from "../../models/feedback/tracking-rating";

const sent = new Date("2026-03-01T00:00:00Z");
const revised = {
  rating: "hoan-thanh",
  ratingHistory: [{ from: "tsvm", to: "hoan-thanh", revisedAt: "2026-04-01T00:00:00.000Z" }],
};

describe("the ratings a tracking page names", () => {
  it("dates a revision after the view, and names none while the rating is the one the view answered", () => {
    expect(trackingRatings({ ratingGiven: "tsvm", createdAt: sent }, revised)).toEqual({
      ratingGiven: "tsvm",
      currentRating: "hoan-thanh",
      ratingRevisedAt: "2026-04-01T00:00:00.000Z",
    });
    expect(trackingRatings({ ratingGiven: "hoan-thanh", createdAt: new Date("2026-05-01T00:00:00Z") }, revised).ratingRevisedAt).toBeNull();
  });

  it("reads a view older than rating versions as given on the first rating", () => {
    expect(trackingRatings({ createdAt: sent }, revised)).toMatchObject({ ratingGiven: "tsvm", currentRating: "hoan-thanh" });
  });

  it("gives no date when an import corrected the rating after the last revision (no history entry)", () => {
    const corrected = { ...revised, rating: "hoan-thanh-tot" };
    expect(trackingRatings({ ratingGiven: "hoan-thanh", createdAt: new Date("2026-05-01T00:00:00Z") }, corrected)).toEqual({
      ratingGiven: "hoan-thanh",
      currentRating: "hoan-thanh-tot",
      ratingRevisedAt: null,
    });
  });
});
