import { describeGoal, judge, ORGANIZATION_PAGE, PUBLIC_PAGE } from "../../scripts/bench/goals";
import type { Stats } from "../../scripts/bench/load";
import { renderTable } from "../../scripts/bench/table";

const stats = (over: Partial<Stats>): Stats => ({ rps: 100, p50: 10, p99: 100, total: 200, non2xx: 0, errors: 0, ...over });

describe("bench goals", () => {
  it("prints each goal the way issue 9 states it", () => {
    expect(describeGoal(PUBLIC_PAGE)).toBe("≥1/2 minimal, p99≤200ms, idle p50≤50ms");
    expect(describeGoal(ORGANIZATION_PAGE)).toBe("≥1/3 minimal, p99≤300ms, idle p50≤50ms");
  });

  it("passes a page only when ratio, p99, idle median and error count all hold", () => {
    expect(judge(PUBLIC_PAGE, stats({}), stats({}), 0.6)).toBe("PASS");
    expect(judge(PUBLIC_PAGE, stats({}), stats({}), 0.4)).toBe("MISS");
    expect(judge(PUBLIC_PAGE, stats({}), stats({ p99: 201 }), 0.6)).toBe("MISS");
    expect(judge(PUBLIC_PAGE, stats({ p50: 51 }), stats({}), 0.6)).toBe("MISS");
    expect(judge(PUBLIC_PAGE, stats({}), stats({ non2xx: 1 }), 0.6)).toBe("MISS");
    expect(judge(PUBLIC_PAGE, stats({}), stats({ total: 0 }), 0.6)).toBe("MISS");
    expect(judge(undefined, stats({}), stats({}), 0.6)).toBe("");
  });

  it("renders one aligned table with a dash where nothing answered", () => {
    const table = renderTable(
      [{ name: "/", idle: stats({}), loaded: stats({ total: 0 }), ratio: 0, goal: "g", verdict: "MISS" }],
      50,
    ).split("\n");
    expect(table[0]).toContain("50c req/s");
    expect(table[2]).toMatch(/^\/\s+100\s+10\s+100\s+0\s+—\s+—\s+0\/0\s+0\.00\s+g\s+MISS$/);
  });
});
