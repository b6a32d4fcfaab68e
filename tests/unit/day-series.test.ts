import { describe, expect, it } from "vitest";
import { fillDayGaps } from "../../models/lib/day-series";

const day = (date: string, total: number) => ({ day: date, total });
const empty = (date: string) => day(date, 0);
/** The series fillDayGaps makes of these rows, given in this order. */
const fill = (...rows: ReturnType<typeof day>[]) => fillDayGaps({ rows, empty });

describe("fillDayGaps", () => {
  it("shows every day between the first and the last, quiet days as zero, across a month end", () => {
    expect(fill(day("2012-02-27", 4), day("2012-03-02", 1))).toEqual([
      { day: "2012-02-27", total: 4 },
      { day: "2012-02-28", total: 0 },
      { day: "2012-02-29", total: 0 },
      { day: "2012-03-01", total: 0 },
      { day: "2012-03-02", total: 1 },
    ]);
  });

  it("orders rows oldest first whatever order they came in, and keeps an empty series empty", () => {
    expect(fill(day("2012-01-02", 2), day("2012-01-01", 1)).map((r) => r.day)).toEqual(["2012-01-01", "2012-01-02"]);
    expect(fill()).toEqual([]);
  });

  it("ignores a row whose day is not a date and caps the span at ten years", () => {
    expect(fill(day("not-a-day", 9), day("2012-01-01", 1))).toEqual([{ day: "2012-01-01", total: 1 }]);
    expect(fill(day("2000-01-01", 1), day("2099-01-01", 1))).toHaveLength(3_660);
  });
});
