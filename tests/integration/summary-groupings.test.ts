import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import { decideFeedback, reverseDecision } from "../../models/moderation/moderation.server";
import { recountCounters } from "../../models/summary/recount.server";
import { getSummary, GROUP_BYS, type SummaryRow } from "../../models/summary/summary.server";
import { agreement } from "../../models/lib/wilson";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { submitFeedback, type FeedbackHandle } from "./summary-feedback";

setupTestDatabase();

const moderator = { id: new Types.ObjectId().toString(), email: "mod@example.vn", role: "moderator" as const };
const admin = { id: new Types.ObjectId().toString(), email: "admin@example.vn", role: "admin" as const };
const FIELDS = ["organizations", "agree", "disagree", "neutral", "pending", "total"] as const;

async function summaries(code: string) {
  const period = (await findPublishedPeriod({ code }))!;
  return Promise.all(GROUP_BYS.map((groupBy) => getSummary({ period, groupBy, lang: "vi" })));
}

function sums(rows: SummaryRow[]) {
  return Object.fromEntries(FIELDS.map((field) => [field, rows.reduce((sum, row) => sum + row[field], 0)]));
}

/** Every grouping has the same sums, every rate and interval is Wilson's, and a recount finds no drift. */
async function expectConsistent(code: string, expected: Record<(typeof FIELDS)[number], number>) {
  const all = await summaries(code);
  expect(all.map((summary) => summary.groupBy)).toEqual([...GROUP_BYS]);
  for (const summary of all) {
    expect(sums(summary.rows), summary.groupBy).toEqual(expected);
    for (const row of summary.rows) {
      expect({ agreementRate: row.agreementRate, ci95: row.ci95 }).toEqual(agreement(row.agree, row.disagree));
      expect(row.total).toBe(row.agree + row.disagree + row.neutral);
      expect(row.residents.agree + row.others.agree).toBe(row.agree);
    }
  }
  expect((await recountCounters({ period: code, dryRun: true })).drifts).toEqual([]);
}

/**
 * A period of the test's own with four organizations (codes `G<period>-001`…) and twelve submitted items:
 * eight agreeing and one disagreeing on the first, a disagreement and a neutral view on the second, an
 * agreement on the third, nothing on the fourth.
 */
async function scenario(code: string): Promise<FeedbackHandle[]> {
  await createPeriod({ code });
  const org = (n: number) => `G${code}-00${n}`;
  const orgA = await createRatedOrganization({
    code: org(1),
    name: `Đảng bộ xã Phú Hữu ${code}`,
    period: code,
    rating: "tsvm",
    district: "Nhơn Trạch",
    kind: "dang-bo-co-so",
  });
  const orgB = await createRatedOrganization({
    code: org(2),
    name: `Chi bộ Ấp Bến Cam ${code}`,
    period: code,
    rating: "yeu-kem",
    district: "Nhơn Trạch",
  });
  const orgC = await createRatedOrganization({
    code: org(3),
    name: `Chi bộ Khu phố 3 ${code}`,
    period: code,
    rating: "tsvm",
    district: "Biên Hòa",
  });
  await createRatedOrganization({
    code: org(4),
    name: `Chi bộ không ai góp ý ${code}`,
    period: code,
    rating: "hoan-thanh",
    district: "Xuân Lộc",
  });
  const items: FeedbackHandle[] = [];
  for (let i = 0; i < 8; i++) items.push(await submitFeedback(orgA, "agree", { isResident: i % 2 === 0 }));
  items.push(await submitFeedback(orgA, "disagree", { proposedRating: "hoan-thanh", isResident: true }));
  items.push(await submitFeedback(orgB, "disagree", { proposedRating: "hoan-thanh" }));
  items.push(await submitFeedback(orgB, "neutral"));
  items.push(await submitFeedback(orgC, "agree"));
  return items;
}

/** Approves the first ten items and rejects the eleventh as off-topic. */
async function decideTen(items: FeedbackHandle[]) {
  for (const item of items.slice(0, 10)) await decideFeedback({ id: item.id, decision: "approve", moderator });
  await decideFeedback({ id: items[10]!.id, decision: "reject", reason: "off-topic", moderator });
}

describe("summary groupings follow moderation", () => {
  it("counts submitted items as pending in every grouping", async () => {
    await scenario("2011");
    await expectConsistent("2011", { organizations: 4, agree: 0, disagree: 0, neutral: 0, pending: 12, total: 0 });
  });

  it("moves approved and rejected items out of pending, into stances and rejection reasons", async () => {
    await decideTen(await scenario("2012"));
    await expectConsistent("2012", { organizations: 4, agree: 8, disagree: 2, neutral: 0, pending: 1, total: 10 });

    const [byOrganization, byDistrict, byRating] = await summaries("2012");
    const a = byOrganization!.rows.find((row) => row.key === "G2012-001")!;
    expect(a).toMatchObject({
      label: "Đảng bộ xã Phú Hữu 2012",
      agree: 8,
      disagree: 1,
      agreementRate: 0.8889,
      residents: { agree: 4, disagree: 1 },
      others: { agree: 4, disagree: 0 },
      proposed: { "hoan-thanh": 1 },
    });
    expect(byOrganization!.rows.find((row) => row.key === "G2012-004")).toMatchObject({
      organizations: 1,
      total: 0,
      agreementRate: null,
      ci95: null,
    });
    expect(byDistrict!.rows.find((row) => row.key === "Nhơn Trạch")).toMatchObject({
      organizations: 2,
      agree: 8,
      disagree: 2,
      proposed: { "hoan-thanh": 2 },
    });
    expect(byRating!.rows.map((row) => [row.key, row.label])).toEqual([
      ["tsvm", "Trong sạch vững mạnh"],
      ["hoan-thanh", "Hoàn thành nhiệm vụ"],
      ["yeu-kem", "Yếu kém"],
    ]);
  });

  it("follows an admin's reversal both ways", async () => {
    const items = await scenario("2013");
    await decideTen(items);
    await reverseDecision({ id: items[0]!.id, to: "rejected", reason: "duplicate", note: "trùng ý kiến khác", admin });
    await expectConsistent("2013", { organizations: 4, agree: 7, disagree: 2, neutral: 0, pending: 1, total: 9 });
    await reverseDecision({ id: items[10]!.id, to: "approved", note: "đúng chủ đề", admin });
    await expectConsistent("2013", { organizations: 4, agree: 7, disagree: 2, neutral: 1, pending: 1, total: 10 });
  });

  it("labels ratings in English when asked", async () => {
    await scenario("2014");
    const period = (await findPublishedPeriod({ code: "2014" }))!;
    const { rows } = await getSummary({ period, groupBy: "rating", lang: "en" });
    expect(rows.map((row) => row.label)).toEqual(["Clean and strong", "Completed tasks", "Weak"]);
  });
});
