import { describe, expect, it } from "vitest";
import { firstRating, ratingGivenOn } from "../../models/lib/rating-versions";

const revisedTwice = {
  rating: "yeu-kem",
  ratingHistory: [
    { from: "tsvm", to: "hoan-thanh" },
    { from: "hoan-thanh", to: "yeu-kem" },
  ],
};

describe("rating versions", () => {
  it("names the first published rating: the oldest revision's starting point, else the current rating", () => {
    expect(firstRating(revisedTwice)).toBe("tsvm");
    expect(firstRating({ rating: "tsvm" })).toBe("tsvm");
    expect(firstRating({ rating: "tsvm", ratingHistory: [] })).toBe("tsvm");
  });

  it("reads a comment without ratingGiven as given on the first rating, and keeps a stored one", () => {
    expect(ratingGivenOn({}, revisedTwice)).toBe("tsvm");
    expect(ratingGivenOn({ ratingGiven: null }, revisedTwice)).toBe("tsvm");
    expect(ratingGivenOn({ ratingGiven: "hoan-thanh" }, revisedTwice)).toBe("hoan-thanh");
  });
});
