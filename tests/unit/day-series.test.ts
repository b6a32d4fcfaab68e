import { describe, expect, it } from "vitest";
import { fillDayGaps } from "../../models/lib/day-series";

const empty = (day: string) => ({ day, total: 0 });

describe("fillDayGaps", () => {
  it("shows every day between the first and the last, quiet days as zero, across a month end", () => {
    const rows = [
      { day: "2012-02-27", total: 4 },
      { day: "2012-03-02", total: 1 },
    ];
    expect(fillDayGaps({ rows, empty })).toEqual([
      { day: "2012-02-27", total: 4 },
      { day: "2012-02-28", total: 0 },
      { day: "2012-02-29", total: 0 },
      { day: "2012-03-01", total: 0 },
      { day: "2012-03-02", total: 1 },
    ]);
  });

  it("orders rows oldest first whatever order they came in, and keeps an empty series empty", () => {
    expect(
      fillDayGaps({
        rows: [
          { day: "2012-01-02", total: 2 },
          { day: "2012-01-01", total: 1 },
        ],
        empty,
      }).map((r) => r.day),
    ).toEqual(["2012-01-01", "2012-01-02"]);
    expect(fillDayGaps({ rows: [], empty })).toEqual([]);
  });

  it("ignores a row whose day is not a date and caps the span at ten years", () => {
    expect(
      fillDayGaps({
        rows: [
          { day: "not-a-day", total: 9 },
          { day: "2012-01-01", total: 1 },
        ],
        empty,
      }),
    ).toEqual([{ day: "2012-01-01", total: 1 }]);
    expect(
      fillDayGaps({
        rows: [
          { day: "2000-01-01", total: 1 },
          { day: "2099-01-01", total: 1 },
        ],
        empty,
      }),
    ).toHaveLength(3_660);
  });
});
