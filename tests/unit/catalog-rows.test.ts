import { describe, expect, it } from "vitest";
import { applyDelta, compareRows, overviewOf, pageRows, type CatalogRow } from "../../models/catalog/catalog-rows";
import type { PeriodView } from "../../models/catalog/period.server";
import { searchKey } from "../../models/lib/text";
import { plainEvaluation } from "../fixtures/evaluation-row";

function row(orgCode: string, id: string, extra: Partial<CatalogRow> = {}): CatalogRow {
  return {
    id,
    ...plainEvaluation({ period: "2011", organization: `org-${orgCode}`, orgCode, orgName: extra.orgName ?? `Chi bộ ${orgCode}` }),
    counters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    residentCounters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    proposed: {},
    rejected: {},
    ...extra,
  };
}

const id = (n: number) => n.toString(16).padStart(24, "0");

describe("pageRows", () => {
  const rows = [
    row("A-1", id(3), { rating: "yeu-kem" }),
    row("A-2", id(1), { district: "Long Khánh" }),
    row("A-2", id(2), { orgName: "Chi bộ phường Tân Biên" }),
    row("B-1", id(9), { orgName: "Đảng bộ xã Hiệp Hòa", district: "Long Khánh", rating: "yeu-kem" }),
  ].sort(compareRows);

  it("orders by code, then id, like the {period, orgCode, _id} index", () => {
    expect(rows.map((r) => `${r.orgCode}/${r.id.slice(-1)}`)).toEqual(["A-1/3", "A-2/1", "A-2/2", "B-1/9"]);
  });

  it("walks every row once with keyset positions and counts the filter's total on every page", () => {
    const first = pageRows(rows, {}, { limit: 2 });
    expect(first.items.map((r) => r.id)).toEqual([id(3), id(1)]);
    expect(first.total).toBe(4);
    const second = pageRows(rows, {}, { after: first.last, limit: 2 });
    expect(second.items.map((r) => r.id)).toEqual([id(2), id(9)]);
    expect(second.total).toBe(4);
    expect(second.last).toBeUndefined();
  });

  it("filters by district, rating and a diacritics-free name key together", () => {
    expect(pageRows(rows, { district: "Long Khánh", rating: "yeu-kem" }, { limit: 10 }).items.map((r) => r.orgCode)).toEqual(["B-1"]);
    expect(pageRows(rows, { searchKey: searchKey("hiep HOA") }, { limit: 10 }).total).toBe(1);
    expect(pageRows(rows, { searchKey: searchKey("Tân Biên") }, { limit: 10 }).items.map((r) => r.id)).toEqual([id(2)]);
    expect(pageRows(rows, { searchKey: ".*" }, { limit: 10 }).total).toBe(0);
  });
});

describe("overviewOf", () => {
  const period = {
    code: "2011",
    ratingScale: [
      { key: "tsvm", label: { vi: "TSVM", en: "Clean and strong" } },
      { key: "yeu-kem", label: { vi: "Yếu kém", en: "Weak" } },
    ],
    memberScale: [{ key: "tot", label: { vi: "Tốt", en: "Good" } }],
  } as PeriodView;

  it("counts ratings and member categories in scale order, zeros and stray keys included", () => {
    const overview = overviewOf(period, [
      row("A", id(1), {
        members: 30,
        memberCounts: [
          { key: "tot", count: 25 },
          { key: "khac", count: 5 },
        ],
      }),
      row("B", id(2), { members: 12, rating: "la", memberCounts: [{ key: "tot", count: 12 }] }),
    ]);
    expect(overview.organizations).toBe(2);
    expect(overview.members).toBe(42);
    expect(overview.ratings.map((r) => [r.key, r.count])).toEqual([
      ["tsvm", 1],
      ["yeu-kem", 0],
      ["la", 1],
    ]);
    expect(overview.memberCategories.map((r) => [r.key, r.count])).toEqual([
      ["tot", 37],
      ["khac", 5],
    ]);
  });
});

describe("applyDelta", () => {
  it("moves the counters a $inc names, map counters included, and ignores other paths", () => {
    const r = row("A", id(1), { counters: { agree: 1, disagree: 0, neutral: 0, pending: 2 } });
    applyDelta(r, {
      "counters.pending": -1,
      "counters.disagree": 1,
      "residentCounters.disagree": 1,
      "proposed.yeu-kem": 1,
      "rejected.spam": 2,
      "rating.x": 5,
    });
    expect(r.counters).toEqual({ agree: 1, disagree: 1, neutral: 0, pending: 1 });
    expect(r.residentCounters.disagree).toBe(1);
    expect(r.proposed).toEqual({ "yeu-kem": 1 });
    expect(r.rejected).toEqual({ spam: 2 });
    expect(r.rating).toBe("tsvm");
  });
});
