import { describe, expect, it } from "vitest";
import { agreement, agreementRate, enoughSides, wilsonInterval, Z95 } from "../../models/lib/wilson";

describe("wilsonInterval", () => {
  it("is null when nobody took a side", () => {
    expect(wilsonInterval(0, 0)).toBeNull();
    expect(agreement(0, 0)).toEqual({ agreementRate: null, ci95: null });
    expect(agreementRate(0, 0)).toBeNull();
  });

  it("gives [0, z²/(n+z²)] for 0 agreeing out of n", () => {
    const [lo, hi] = wilsonInterval(0, 10)!;
    expect(lo).toBe(0);
    expect(hi).toBeCloseTo((Z95 * Z95) / (10 + Z95 * Z95), 12);
  });

  it("gives [n/(n+z²), 1] for n agreeing out of n", () => {
    const [lo, hi] = wilsonInterval(10, 0)!;
    expect(lo).toBeCloseTo(10 / (10 + Z95 * Z95), 12);
    expect(hi).toBe(1);
  });

  it("for a single side taken is wide: 1 of 1 agreeing is [0.2065, 1]", () => {
    expect(agreement(1, 0)).toEqual({ agreementRate: 1, ci95: [0.2065, 1] });
    expect(agreement(0, 1)).toEqual({ agreementRate: 0, ci95: [0, 0.7935] });
  });

  it("matches published values (81 of 263: 0.2553–0.3662)", () => {
    const [lo, hi] = wilsonInterval(81, 182)!;
    expect(lo).toBeCloseTo(0.2553, 4);
    expect(hi).toBeCloseTo(0.3662, 4);
  });

  it("is symmetric around 1/2 when the sides are swapped", () => {
    const [lo, hi] = wilsonInterval(7, 3)!;
    const [lo2, hi2] = wilsonInterval(3, 7)!;
    expect(lo).toBeCloseTo(1 - hi2, 12);
    expect(hi).toBeCloseTo(1 - lo2, 12);
  });

  it("always contains the observed rate and narrows as n grows", () => {
    for (const [agree, disagree] of [
      [1, 2],
      [5, 5],
      [99, 1],
      [3, 997],
    ] as const) {
      const [lo, hi] = wilsonInterval(agree, disagree)!;
      const p = agree / (agree + disagree);
      expect(lo).toBeLessThanOrEqual(p);
      expect(hi).toBeGreaterThanOrEqual(p);
    }
    const small = wilsonInterval(5, 5)!;
    const large = wilsonInterval(500, 500)!;
    expect(large[1] - large[0]).toBeLessThan(small[1] - small[0]);
  });

  it("rounds the published rate and bounds to 4 decimals", () => {
    const { agreementRate: rate, ci95 } = agreement(2, 1);
    expect(rate).toBe(0.6667);
    for (const bound of ci95!) expect(Number(bound.toFixed(4))).toBe(bound);
  });

  it("ranks three angry comments above a long unhappy record by upper bound", () => {
    const threeAngry = wilsonInterval(0, 3)!;
    const manyUnhappy = wilsonInterval(40, 60)!;
    expect(threeAngry[1]).toBeGreaterThan(manyUnhappy[1]);
  });
});

describe("enoughSides", () => {
  it("states a rate only from 10 sides taken", () => {
    expect(enoughSides(5, 4)).toBe(false);
    expect(enoughSides(5, 5)).toBe(true);
    expect(enoughSides(0, 10)).toBe(true);
  });
});
