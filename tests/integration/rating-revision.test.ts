import { beforeAll, describe, expect, it } from "vitest";
import { catalogSnapshot } from "../../models/catalog/catalog-cache.server";
import { readCatalogVersion } from "../../models/catalog/catalog-version.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { RatingRevisionError, reviseRating } from "../../models/catalog/rating-revision.server";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import { publicGeneration } from "../../models/db/public-generation";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { getSummary } from "../../models/summary/summary.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();

let committee: Awaited<ReturnType<typeof createStaff>>;
let a: { organizationId: string; evaluationId: string };
let b: { organizationId: string; evaluationId: string };

beforeAll(async () => {
  committee = await createStaff("committee");
  await createPeriod({ code: "2011" });
  a = await createRatedOrganization({ code: "RV-001", name: "Chi bộ Ấp Bình Lợi", period: "2011", rating: "tsvm" });
  b = await createRatedOrganization({ code: "RV-002", name: "Chi bộ Ấp Tân Phú", period: "2011", rating: "tsvm" });
  for (const stance of ["disagree", "disagree", "agree"] as const) await decide(await submitFeedback(a, stance), "approved");
  await decide(await submitFeedback(b, "agree"), "approved");
  await catalogSnapshot();
});

async function ratingRow(key: string) {
  const period = await findPublishedPeriod({ code: "2011" });
  return (await getSummary({ period: period!, groupBy: "rating", lang: "vi" })).rows.find((row) => row.key === key);
}

describe("reviseRating", () => {
  it("changes the rating, keeps the history, audits, and refreshes the catalog and summaries at once", async () => {
    const token = await readCatalogVersion();
    const generation = publicGeneration();
    expect(await ratingRow("tsvm")).toMatchObject({ organizations: 2, agree: 2, disagree: 2 });

    const result = await reviseRating({ evaluationId: a.evaluationId, to: "hoan-thanh", note: "Hội nghị xem xét lại", caseId: `${a.evaluationId}:0`, actor: committee.id });
    expect(result).toMatchObject({ from: "tsvm", to: "hoan-thanh" });
    expect(result.revisedAt).toBeInstanceOf(Date);

    const stored = await Evaluation.findById(a.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    expect(stored?.rating).toBe("hoan-thanh");
    expect(stored?.ratingHistory).toEqual([{ from: "tsvm", to: "hoan-thanh", revisedAt: result.revisedAt, note: "Hội nghị xem xét lại", caseId: `${a.evaluationId}:0` }]);
    expect(await readCatalogVersion()).not.toBe(token);
    expect(publicGeneration()).toBeGreaterThan(generation);

    const row = (await catalogSnapshot()).rowsById.get(a.evaluationId);
    expect(row?.rating).toBe("hoan-thanh");
    expect(row?.ratingHistory).toEqual([{ from: "tsvm", to: "hoan-thanh", revisedAt: result.revisedAt.toISOString(), note: "Hội nghị xem xét lại", caseId: `${a.evaluationId}:0` }]);
    // The summary regroups the comments under the current rating.
    expect(await ratingRow("tsvm")).toMatchObject({ organizations: 1, agree: 1, disagree: 0 });
    expect(await ratingRow("hoan-thanh")).toMatchObject({ organizations: 1, agree: 1, disagree: 2 });

    const audit = await AuditEvent.find({ targetId: a.evaluationId, action: "rating.revise" }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: committee.email, before: { rating: "tsvm" }, after: { rating: "hoan-thanh" } });
    expect(String(audit[0]!.actor)).toBe(committee.id);
  });

  it("answers a retried decision of the same case with the same revision and writes no second version", async () => {
    const again = await reviseRating({ evaluationId: a.evaluationId, to: "hoan-thanh", note: "lần nữa", caseId: `${a.evaluationId}:0`, actor: committee.id });
    expect(again).toMatchObject({ from: "tsvm", to: "hoan-thanh" });
    expect((await Evaluation.findById(a.evaluationId, { ratingHistory: 1 }).lean())?.ratingHistory).toHaveLength(1);
  });

  it("refuses a rating outside the period's scale, the same rating, and an unknown evaluation, writing nothing", async () => {
    const refusal = (to: string, evaluationId = b.evaluationId) =>
      reviseRating({ evaluationId, to, note: "", caseId: `${evaluationId}:0`, actor: committee.id }).then(
        () => "applied",
        (error: unknown) => (error instanceof RatingRevisionError ? error.code : String(error)),
      );
    expect(await refusal("hoan-thanh-xuat-sac")).toBe("invalid-rating");
    expect(await refusal("tsvm")).toBe("unchanged");
    expect(await refusal("yeu-kem", "0123456789abcdef01234567")).toBe("not-found");
    expect(await refusal("yeu-kem", "not-an-id")).toBe("invalid-input");
    const stored = await Evaluation.findById(b.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    expect(stored).toMatchObject({ rating: "tsvm", ratingHistory: [] });
  });

  it("never interleaves two revisions at once: each starts from the rating the other left", async () => {
    const results = await Promise.all(
      (["yeu-kem", "hoan-thanh-tot"] as const).map((to, i) => reviseRating({ evaluationId: b.evaluationId, to, note: "", caseId: `${b.evaluationId}:race-${i}`, actor: committee.id })),
    );
    const stored = await Evaluation.findById(b.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    const history = stored!.ratingHistory;
    expect(history).toHaveLength(2);
    expect(history[0]!.from).toBe("tsvm");
    expect(history[1]!.from).toBe(history[0]!.to);
    expect(stored!.rating).toBe(history[1]!.to);
    expect(results.map((r) => r.from).sort()).toEqual([history[0]!.from, history[1]!.from].sort());
  });

  it("leaves the counters as summaries:rebuild counts them", async () => {
    expect(await recountCounters({ period: "2011" })).toMatchObject({ checked: 2, drifts: [], repaired: 0 });
  });
});
