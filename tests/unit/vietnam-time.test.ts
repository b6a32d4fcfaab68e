import { describe, expect, it } from "vitest";
import {
  formatVietnamDay,
  formatVietnamTime,
  fromVietnamLocalInput,
  toVietnamLocalInput,
  vietnamDay,
  vietnamMidnight,
} from "../../models/lib/vietnam-time";

describe("Vietnam time", () => {
  it("puts an instant on the province's calendar day, not the server's", () => {
    expect(vietnamDay(new Date("2026-03-10T16:59:00Z"))).toBe("2026-03-10");
    expect(vietnamDay(new Date("2026-03-10T17:00:00Z"))).toBe("2026-03-11");
  });

  it("starts and ends a day at Vietnamese midnight", () => {
    expect(vietnamMidnight("2026-03-11").toISOString()).toBe("2026-03-10T17:00:00.000Z");
    expect(vietnamMidnight("2026-03-11", true).toISOString()).toBe("2026-03-11T17:00:00.000Z");
  });

  it("reads and shows a form's date-time in Vietnam time", () => {
    const at = fromVietnamLocalInput("2026-01-31T23:30");
    expect(at.toISOString()).toBe("2026-01-31T16:30:00.000Z");
    expect(toVietnamLocalInput(at)).toBe("2026-01-31T23:30");
    expect(Number.isNaN(fromVietnamLocalInput("31/01/2026").getTime())).toBe(true);
  });

  it("words a date for each language in the province's time zone", () => {
    expect(formatVietnamTime("2026-03-10T17:30:00Z", "en", "date")).toBe("11 March 2026");
    expect(formatVietnamTime("2026-03-10T17:30:00Z", "vi", "dateTime")).toContain("00:30");
    expect(formatVietnamDay("2026-03-05", "en")).toBe("5 Mar 2026");
  });
});
