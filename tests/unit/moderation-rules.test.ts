import { describe, expect, it } from "vitest";
import { throttleDelayMs } from "../../models/accounts/login-throttle.server";
import { DecisionSchema, ReversalSchema } from "../../models/moderation/moderation-input.server";
import { histogramMedian, waitBucket } from "../../models/moderation/decision-days.server";
import { windowDays } from "../../models/moderation/moderation-stats.server";
import { vietnamDay } from "../../models/lib/vietnam-time";
import { rejectionParts } from "../../app/components/moderation-transparency";
import { safeRedirectPath } from "../../app/utils/session.server";

const NOW = new Date("2026-03-10T12:00:00Z");

describe("sign-in delays", () => {
  it("let an e-mail address fail four times, then wait 1, 2, 4 … minutes, never more than a quarter of an hour", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 40].map((n) => throttleDelayMs("account", n) / 60_000)).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15, 15]);
  });

  it("let one address fail nine times, then wait longer and longer, up to a day", () => {
    expect([9, 10, 11, 15, 30, 1000].map((n) => throttleDelayMs("address", n) / 60_000)).toEqual([0, 1, 2, 32, 1440, 1440]);
  });
});

describe("redirect after login", () => {
  it.each([
    ["/moderation?flagged=1", "/moderation?flagged=1"],
    ["//evil.example", "/moderation"],
    ["/\\evil.example", "/moderation"],
    ["https://evil.example/", "/moderation"],
    ["javascript:alert(1)", "/moderation"],
    [null, "/moderation"],
  ])("%s → %s", (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected);
  });
});

describe("decision input", () => {
  it("needs a reason category to reject but not to approve", () => {
    expect(DecisionSchema.safeParse({ decision: "approve" }).success).toBe(true);
    const missing = DecisionSchema.safeParse({ decision: "reject" });
    expect(missing.success ? [] : missing.error.issues.map((i) => i.message)).toEqual(["moderation:errors.reasonRequired"]);
    expect(DecisionSchema.safeParse({ decision: "reject", reason: "rude" }).success).toBe(false);
    expect(DecisionSchema.safeParse({ decision: "publish" }).success).toBe(false);
  });

  it("a reversal always says why", () => {
    expect(ReversalSchema.safeParse({ to: "approved", note: "" }).success).toBe(false);
    expect(ReversalSchema.safeParse({ to: "approved", note: "duyệt nhầm" }).success).toBe(true);
    expect(ReversalSchema.safeParse({ to: "rejected", note: "spam ẩn" }).success).toBe(false);
  });
});

describe("moderation statistics rules", () => {
  it("counts days in Vietnam time", () => {
    expect(vietnamDay(new Date("2026-03-10T16:59:00Z"))).toBe("2026-03-10");
    expect(vietnamDay(new Date("2026-03-10T17:00:00Z"))).toBe("2026-03-11");
  });

  it("takes the median of odd and even lists from wait histograms, to well within a minute, null for none", () => {
    const histogram = (waits: number[]) =>
      waits.reduce<Record<string, number>>((h, w) => ({ ...h, [waitBucket(w)]: (h[waitBucket(w)] ?? 0) + 1 }), {});
    expect(histogramMedian([])).toBeNull();
    expect(histogramMedian([histogram([5, 1]), histogram([3])])).toBeCloseTo(3, 1);
    expect(histogramMedian([histogram([4, 1, 3, 2])])).toBeCloseTo(2.5, 1);
    expect(Math.round(histogramMedian([histogram([120, 240.02, 360])])!)).toBe(240);
    expect(Math.abs(histogramMedian([histogram([43_200])])! - 43_200)).toBeLessThan(43_200 * 0.002);
  });

  it("spans every day of the window up to today in Vietnam, oldest first", () => {
    expect(windowDays(NOW, 3)).toEqual(["2026-03-08", "2026-03-09", "2026-03-10"]);
    expect(windowDays(new Date("2026-03-10T17:30:00Z"), 2)).toEqual(["2026-03-10", "2026-03-11"]);
  });

  it("orders the transparency line by count and drops zeros", () => {
    expect(rejectionParts({ spam: 9, "personal-data": 3, abuse: 0 })).toEqual([
      { reason: "spam", count: 9 },
      { reason: "personal-data", count: 3 },
    ]);
  });
});
