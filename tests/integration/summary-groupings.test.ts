import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { findPublishedPeriod } from "../../models/catalog";
import { decideFeedback, reverseDecision } from "../../models/moderation";
import { recountCounters } from "../../models/recount";
import { getSummary, GROUP_BYS, type SummaryRow } from "../../models/summary";
import { agreement } from "../../models/wilson";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { submitFeedback, type FeedbackHandle } from "./summary-feedback";

setupTestDatabase();

const moderator = { id: new Types.ObjectId().toString(), email: "mod@example.vn", role: "moderator" as const };
const admin = { id: new Types.ObjectId().toString(), email: "admin@example.vn", role: "admin" as const };
const FIELDS = ["organizations", "agree", "disagree", "neutral", "pending", "total"] as const;

async function summaries() {
  const period = (await findPublishedPeriod({ code: "2011" }))!;
  return Promise.all(GROUP_BYS.map((groupBy) => getSummary({ period, groupBy, lang: "vi" })));
}

function sums(rows: SummaryRow[]) {
  return Object.fromEntries(FIELDS.map((field) => [field, rows.reduce((sum, row) => sum + row[field], 0)]));
}

/** Every grouping has the same sums, every rate and interval is Wilson's, and a recount finds no drift. */
async function expectConsistent(expected: Record<(typeof FIELDS)[number], number>) {
  for (const summary of await summaries()) {
    expect(sums(summary.rows), summary.groupBy).toEqual(expected);
    for (const row of summary.rows) {
      expect({ agreementRate: row.agreementRate, ci95: row.ci95 }).toEqual(agreement(row.agree, row.disagree));
      expect(row.total).toBe(row.agree + row.disagree + row.neutral);
      expect(row.residents.agree + row.others.agree).toBe(row.agree);
    }
  }
  expect((await recountCounters({ period: "2011", dryRun: true })).drifts).toEqual([]);
}

describe("summary groupings follow moderation", () => {
  const items: FeedbackHandle[] = [];
  let orgA: { evaluationId: string; organizationId: string; period: string; district: string };

  it("counts submitted items as pending in every grouping", async () => {
    await createPeriod({ code: "2011" });
    orgA = { ...(await createRatedOrganization({ code: "G-001", name: "Đảng bộ xã Phú Hữu", period: "2011", rating: "tsvm", district: "Nhơn Trạch", kind: "dang-bo-co-so" })), period: "2011", district: "Nhơn Trạch" };
    const orgB = { ...(await createRatedOrganization({ code: "G-002", name: "Chi bộ Ấp Bến Cam", period: "2011", rating: "yeu-kem", district: "Nhơn Trạch" })), period: "2011", district: "Nhơn Trạch" };
    const orgC = { ...(await createRatedOrganization({ code: "G-003", name: "Chi bộ Khu phố 3", period: "2011", rating: "tsvm", district: "Biên Hòa" })), period: "2011" };
    await createRatedOrganization({ code: "G-004", name: "Chi bộ không ai góp ý", period: "2011", rating: "hoan-thanh", district: "Xuân Lộc" });
    for (let i = 0; i < 8; i++) items.push(await submitFeedback(orgA, "agree", { isResident: i % 2 === 0 }));
    items.push(await submitFeedback(orgA, "disagree", { proposedRating: "hoan-thanh", isResident: true }));
    items.push(await submitFeedback(orgB, "disagree", { proposedRating: "hoan-thanh" }));
    items.push(await submitFeedback(orgB, "neutral"));
    items.push(await submitFeedback(orgC, "agree"));
    await expectConsistent({ organizations: 4, agree: 0, disagree: 0, neutral: 0, pending: 12, total: 0 });
  });

  it("moves approved and rejected items out of pending, into stances and rejection reasons", async () => {
    for (const item of items.slice(0, 10)) await decideFeedback({ id: item.id, decision: "approve", moderator });
    await decideFeedback({ id: items[10]!.id, decision: "reject", reason: "off-topic", moderator });
    await expectConsistent({ organizations: 4, agree: 8, disagree: 2, neutral: 0, pending: 1, total: 10 });

    const [byOrganization, byDistrict, byRating] = await summaries();
    const a = byOrganization!.rows.find((row) => row.key === "G-001")!;
    expect(a).toMatchObject({ label: "Đảng bộ xã Phú Hữu", agree: 8, disagree: 1, agreementRate: 0.8889, residents: { agree: 4, disagree: 1 }, others: { agree: 4, disagree: 0 }, proposed: { "hoan-thanh": 1 } });
    expect(byOrganization!.rows.find((row) => row.key === "G-004")).toMatchObject({ organizations: 1, total: 0, agreementRate: null, ci95: null });
    expect(byDistrict!.rows.find((row) => row.key === "Nhơn Trạch")).toMatchObject({ organizations: 2, agree: 8, disagree: 2, proposed: { "hoan-thanh": 2 } });
    expect(byRating!.rows.map((row) => [row.key, row.label])).toEqual([
      ["tsvm", "Trong sạch vững mạnh"],
      ["hoan-thanh", "Hoàn thành nhiệm vụ"],
      ["yeu-kem", "Yếu kém"],
    ]);
  });

  it("follows an admin's reversal both ways", async () => {
    await reverseDecision({ id: items[0]!.id, to: "rejected", reason: "duplicate", note: "trùng ý kiến khác", admin });
    await expectConsistent({ organizations: 4, agree: 7, disagree: 2, neutral: 0, pending: 1, total: 9 });
    await reverseDecision({ id: items[10]!.id, to: "approved", note: "đúng chủ đề", admin });
    await expectConsistent({ organizations: 4, agree: 7, disagree: 2, neutral: 1, pending: 1, total: 10 });
  });

  it("labels ratings in English when asked", async () => {
    const period = (await findPublishedPeriod({ code: "2011" }))!;
    const { rows } = await getSummary({ period, groupBy: "rating", lang: "en" });
    expect(rows.map((row) => row.label)).toEqual(["Clean and strong", "Completed tasks", "Weak"]);
  });
});
