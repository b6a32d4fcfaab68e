import { beforeAll, describe, expect, it } from "vitest";
import { catalogChanged } from "../../models/catalog/catalog-cache.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import type { Stance } from "../../models/feedback/feedback.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { decide } from "./summary-feedback";

setupTestDatabase();
const http = setupHttpApp();

/** Approved views of each stance on one evaluation, through the real counter moves and decisions. */
async function approved(target: { evaluationId: string; organizationId: string }, period: string, counts: Partial<Record<Stance, number>>) {
  for (const [stance, n] of Object.entries(counts) as [Stance, number][]) {
    for (let i = 0; i < n; i++) {
      const item = await createPendingFeedback({ ...target, period, stance });
      await decide({ id: item.id, evaluationId: target.evaluationId }, "approved");
    }
  }
}

async function page(code: string, lang: "vi" | "en") {
  const response = await fetch(http.url(`/organizations/${code}?lng=${lang}`));
  expect(response.status).toBe(200);
  return response.text();
}

beforeAll(async () => {
  await createPeriod({ code: "2010", status: "closed" });
  await createPeriod({ code: "2011" });
  const earlier = await createRatedOrganization({ code: "YY-001", name: "Chi bộ Ấp Suối Tre", period: "2010", rating: "hoan-thanh" });
  // The same organization rated again a year later.
  const later = await Evaluation.create({
    period: "2011",
    organization: earlier.organizationId,
    orgCode: "YY-001",
    orgName: "Chi bộ Ấp Suối Tre",
    nameSearch: "chi bo ap suoi tre",
    kind: "chi-bo-co-so",
    district: "Biên Hòa",
    rating: "tsvm",
    members: 40,
    memberCounts: [],
  });
  await catalogChanged();
  await approved(earlier, "2010", { agree: 9, disagree: 3, neutral: 1 });
  await approved({ evaluationId: String(later._id), organizationId: earlier.organizationId }, "2011", { agree: 1, disagree: 2 });
  await createRatedOrganization({ code: "YY-002", name: "Chi bộ Ấp Bàu Sen", period: "2011" });
});

describe("year over year on the organization page", () => {
  it("shows each period's rating, stance shares, sides taken and agreement side by side, oldest first", async () => {
    const html = await page("YY-001", "en");
    expect(html).toContain("Agreement year over year");
    expect(html).toMatch(
      /<th scope="col">Measure<\/th><th scope="col">2010 quality ratings<\/th><th scope="col">2011 quality ratings<\/th>/,
    );
    expect(html).toContain('<th scope="row">Rating</th><td>Completed tasks</td><td>Clean and strong</td>');
    expect(html).toContain('<th scope="row">Agree</th><td>69.2%</td><td>33.3%</td>');
    expect(html).toContain('<th scope="row">Disagree</th><td>23.1%</td><td>66.7%</td>');
    expect(html).toContain('<th scope="row">No opinion</th><td>7.7%</td><td>0.0%</td>');
    expect(html).toContain('<th scope="row">Views taking a side</th><td>12</td><td>3</td>');
    // 9 of 12 sides agree; three sides are too few to state a rate.
    expect(html).toMatch(
      /<th scope="row">Agreement rate<\/th><td>75\.0% \(95% confidence interval: [^<]+\)<\/td><td>Not enough views yet<\/td>/,
    );
  });

  it("speaks Vietnamese first", async () => {
    const html = await page("YY-001", "vi");
    expect(html).toContain("Mức đồng tình qua các năm");
    expect(html).toContain('<th scope="row">Đồng tình</th><td>69,2%</td><td>33,3%</td>');
  });

  it("shows no comparison for an organization rated in one period only", async () => {
    expect(await page("YY-002", "en")).not.toContain("Agreement year over year");
  });
});
