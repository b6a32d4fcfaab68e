import { describe, expect, it } from "vitest";
import { ORGANIZATION_SCALE_2011 } from "../../models/lib/scales";
import { lowestAgreement, needingAttention, proposedCrossTable, yearOverYear } from "../../models/summary/summary-committee";
import { summaryCsv } from "../../models/summary/summary-csv";
import { moderationTransparency, summaryRows, type CounterDoc } from "../../models/summary/summary-rows";

const source = {
  lang: "vi" as const,
  ratingScale: ORGANIZATION_SCALE_2011,
  periodCode: "2011",
  periodTitle: { vi: "Năm 2011", en: "2011" },
};

function doc(
  orgCode: string,
  over: Partial<CounterDoc> & { agree?: number; disagree?: number; neutral?: number; pending?: number },
): CounterDoc {
  const { agree = 0, disagree = 0, neutral = 0, pending = 0, ...rest } = over;
  return {
    id: `id-${orgCode}`,
    orgCode,
    orgName: `Chi bộ ${orgCode}`,
    district: "Biên Hòa",
    rating: "tsvm",
    kind: "chi-bo-co-so",
    counters: { agree, disagree, neutral, pending },
    residentCounters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
    proposed: {},
    rejected: {},
    ...rest,
  };
}

describe("summaryRows", () => {
  const docs = [
    doc("A", { agree: 3, disagree: 1, pending: 2, proposed: { "hoan-thanh": 1 }, rating: "tsvm" }),
    doc("B", { agree: 0, disagree: 3, neutral: 1, district: "Long Khánh", rating: "yeu-kem", proposed: { "yeu-kem": 2 } }),
    doc("C", { district: "Long Khánh", rating: "tsvm-tieu-bieu", kind: "dang-bo-co-so" }),
  ];

  it("orders ratings by the scale and labels them in the requested language", () => {
    expect(summaryRows(docs, "rating", source).map((r) => r.label)).toEqual([
      "Trong sạch vững mạnh tiêu biểu",
      "Trong sạch vững mạnh",
      "Yếu kém",
    ]);
    expect(summaryRows(docs, "rating", { ...source, lang: "en" }).map((r) => r.label)).toEqual([
      "Clean and strong, exemplary",
      "Clean and strong",
      "Weak",
    ]);
  });

  it("sums proposals and counts organizations per group; null rate when nobody took a side", () => {
    const [bien, long] = summaryRows(docs, "district", source);
    expect(bien).toMatchObject({ key: "Biên Hòa", organizations: 1, agree: 3, disagree: 1, pending: 2, total: 4, agreementRate: 0.75 });
    expect(long).toMatchObject({
      key: "Long Khánh",
      organizations: 2,
      agree: 0,
      disagree: 3,
      neutral: 1,
      total: 4,
      agreementRate: 0,
      proposed: { "yeu-kem": 2 },
    });
    expect(summaryRows([docs[2]!], "organization", source)[0]).toMatchObject({ agreementRate: null, ci95: null });
  });
});

describe("lowest agreement and attention", () => {
  const rows = summaryRows(
    [doc("ANGRY", { disagree: 3 }), doc("LONG", { agree: 40, disagree: 60 }), doc("HAPPY", { agree: 50, disagree: 2 }), doc("SILENT", {})],
    "organization",
    source,
  );

  it("ranks by the interval's upper bound, so three angry comments do not top the list", () => {
    // 0 of 3 agreeing: upper bound 0.56; 40 of 100: 0.50. Nobody taking a side is not ranked at all.
    expect(lowestAgreement(rows, 10).map((r) => r.key)).toEqual(["LONG", "ANGRY", "HAPPY"]);
  });

  it("lists organizations below the threshold or with a campaign flag, with their reasons", () => {
    const attention = needingAttention(rows, new Map([["HAPPY", 4]]), 0.5);
    expect(attention.map((r) => [r.key, r.reasons])).toEqual([
      ["LONG", ["low-agreement"]],
      ["HAPPY", ["campaign"]],
    ]);
  });
});

describe("cross-table, year over year, transparency, CSV", () => {
  it("crosses the published rating with the proposed one", () => {
    const table = proposedCrossTable(
      [
        doc("A", { rating: "tsvm", proposed: { "hoan-thanh": 2 } }),
        doc("B", { rating: "tsvm", proposed: { "hoan-thanh": 1, "yeu-kem": 1 } }),
      ],
      ORGANIZATION_SCALE_2011,
    );
    expect(table.ratings).toEqual(ORGANIZATION_SCALE_2011.map((s) => s.key));
    expect(table.cells).toEqual({ tsvm: { "hoan-thanh": 3, "yeu-kem": 1 } });
  });

  it("reports the change only when both periods have 10 sides", () => {
    const y2011 = summaryRows([doc("A", { agree: 8, disagree: 2 }), doc("B", { agree: 1 })], "organization", source);
    const y2012 = summaryRows([doc("A", { agree: 5, disagree: 5 }), doc("B", { agree: 20 })], "organization", {
      ...source,
      periodCode: "2012",
    });
    const result = yearOverYear([
      { code: "2011", rows: y2011 },
      { code: "2012", rows: y2012 },
    ]);
    expect(result.map((r) => [r.key, r.change])).toEqual([
      ["A", -0.3],
      ["B", null],
    ]);
  });

  it("adds up the moderation line from the counters", () => {
    expect(
      moderationTransparency([
        doc("A", { agree: 2, neutral: 1, pending: 4, rejected: { spam: 2 } }),
        doc("B", { disagree: 1, rejected: { spam: 1, abuse: 1 } }),
      ]),
    ).toEqual({
      approved: 4,
      pending: 4,
      rejected: 4,
      rejectedByReason: { spam: 3, abuse: 1 },
    });
  });

  it("writes a BOM, the fixed header and RFC 4180 quoting", () => {
    const csv = summaryCsv(summaryRows([doc("A", { orgName: 'Chi bộ "Ấp 1", xã An Hòa', agree: 1 })], "organization", source));
    expect(csv).toBe(
      '\uFEFFkey,label,organizations,agree,disagree,neutral,pending,total,agreementRate,ci95Low,ci95High\r\nA,"Chi bộ ""Ấp 1"", xã An Hòa",1,1,0,0,0,1,1,0.2065,1\r\n',
    );
  });
});
