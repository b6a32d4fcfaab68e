import { describe, expect, it } from "vitest";
import { countsSince, crossedRule, reviewNumbers, THRESHOLDS_OFF, type ReviewThresholds } from "../../models/review/review-rules";

const both: ReviewThresholds = {
  disagreement: { enabled: true, minLowerBound: 0.4, minSides: 10 },
  proposals: { enabled: true, minCount: 5 },
};

describe("re-review numbers", () => {
  it("takes the Wilson lower bound of the disagreement share and counts agreeing views as stating the official rating", () => {
    const numbers = reviewNumbers({ agree: 2, disagree: 8, proposed: { "hoan-thanh": 5, tsvm: 1 } }, "tsvm");
    expect(numbers).toEqual({ agree: 2, disagree: 8, sides: 10, disagreementLow: 0.4902, stated: 8, differing: 5 });
    expect(reviewNumbers({ agree: 0, disagree: 0, proposed: {} }, "tsvm").disagreementLow).toBeNull();
  });

  it("counts only the views given since the last revision", () => {
    const since = countsSince(
      { agree: 5, disagree: 12, proposed: { "hoan-thanh": 9, "yeu-kem": 1 } },
      { agree: 2, disagree: 10, proposed: { "hoan-thanh": 8 } },
    );
    expect(since).toEqual({ agree: 3, disagree: 2, proposed: { "hoan-thanh": 1, "yeu-kem": 1 } });
    expect(countsSince({ agree: 1, disagree: 1, proposed: {} }, null)).toEqual({ agree: 1, disagree: 1, proposed: {} });
  });
});

describe("crossing a threshold", () => {
  it("needs the lower bound above the level and enough sides taken", () => {
    expect(crossedRule(reviewNumbers({ agree: 2, disagree: 8, proposed: {} }, "tsvm"), both)).toBe("disagreement");
    // Six of six disagree, but too few sides taken.
    expect(crossedRule(reviewNumbers({ agree: 0, disagree: 6, proposed: {} }, "tsvm"), both)).toBeNull();
    // Enough sides, but 0.3 ≤ 0.4: a wide interval is not enough.
    expect(crossedRule(reviewNumbers({ agree: 5, disagree: 7, proposed: {} }, "tsvm"), both)).toBeNull();
  });

  it("needs more than half of the stated ratings to differ, and at least the minimum count", () => {
    const proposalsOnly: ReviewThresholds = { ...both, disagreement: { ...both.disagreement, enabled: false } };
    expect(crossedRule(reviewNumbers({ agree: 4, disagree: 5, proposed: { "hoan-thanh": 5 } }, "tsvm"), proposalsOnly)).toBe("proposals");
    expect(crossedRule(reviewNumbers({ agree: 5, disagree: 5, proposed: { "hoan-thanh": 5 } }, "tsvm"), proposalsOnly)).toBeNull();
    expect(crossedRule(reviewNumbers({ agree: 0, disagree: 4, proposed: { "hoan-thanh": 4 } }, "tsvm"), proposalsOnly)).toBeNull();
    // A proposal of the official rating itself does not differ.
    expect(crossedRule(reviewNumbers({ agree: 0, disagree: 6, proposed: { tsvm: 6 } }, "tsvm"), proposalsOnly)).toBeNull();
  });

  it("opens nothing when both rules are off", () => {
    expect(crossedRule(reviewNumbers({ agree: 0, disagree: 500, proposed: { "yeu-kem": 500 } }, "tsvm"), THRESHOLDS_OFF)).toBeNull();
  });
});
