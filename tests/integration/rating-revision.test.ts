import { beforeAll, describe, expect, it } from "vitest";
import { loader as detailApi } from "../../app/routes/api.v1.organizations.$code";
import { catalogSnapshot } from "../../models/catalog/catalog-cache.server";
import { readCatalogVersion } from "../../models/catalog/catalog-version.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { RatingRevisionError, reviseRating } from "../../models/catalog/rating-revision.server";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import { publicGeneration } from "../../models/db/public-generation";
import { Feedback } from "../../models/feedback/feedback.server";
import { importResults } from "../../models/import/import.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { getSummary } from "../../models/summary/summary.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { callLoader } from "./route-call";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();
const http = setupHttpApp();

let committee: Awaited<ReturnType<typeof createStaff>>;
let a: { organizationId: string; evaluationId: string };
let b: { organizationId: string; evaluationId: string };

beforeAll(async () => {
  committee = await createStaff("committee");
  await createPeriod({ code: "2011" });
  a = await createRatedOrganization({ code: "RV-001", name: "Chi bộ Ấp Bình Lợi", period: "2011", rating: "tsvm" });
  b = await createRatedOrganization({ code: "RV-002", name: "Chi bộ Ấp Tân Phú", period: "2011", rating: "tsvm" });
  await createRatedOrganization({ code: "RV-003", name: "Chi bộ Ấp Bến Cam", period: "2011", rating: "tsvm" });
  for (const stance of ["disagree", "disagree", "agree"] as const) {
    const item = await submitFeedback(a, stance);
    // The first is as old as the app before rating versions: no ratingGiven (its evaluation's first rating).
    if (stance === "agree") await Feedback.updateOne({ _id: item.id }, { $unset: { ratingGiven: 1 } });
    await decide(item, "approved");
  }
  await decide(await submitFeedback(b, "agree"), "approved");
  await catalogSnapshot();
});

interface Detail {
  evaluations: { rating: string; ratingHistory: { from: string; to: string; revisedAt: string; note: string }[] }[];
}
const detail = async (code: string) =>
  ((await (await callLoader(detailApi, `/api/v1/organizations/${code}`, { code })).json()) as Detail).evaluations[0]!;

async function page(code: string, lang: "vi" | "en") {
  const response = await fetch(http.url(`/organizations/${code}?lng=${lang}`));
  expect(response.status).toBe(200);
  return response.text();
}

async function ratingRow(key: string) {
  const period = await findPublishedPeriod({ code: "2011" });
  return (await getSummary({ period: period!, groupBy: "rating", lang: "vi" })).rows.find((row) => row.key === key);
}

type Revision = { evaluationId: string; to: string; note?: string; caseId?: string };
/** The committee's decision of case `caseId` (by default the evaluation's first): the evaluation's rating becomes `to`. */
const revise = ({ evaluationId, to, note = "", caseId = `${evaluationId}:0` }: Revision) =>
  reviseRating({ evaluationId, to, note, caseId, actor: committee.id });

describe("reviseRating", () => {
  it("changes the rating, keeps the history, audits, and refreshes the catalog and summaries at once", async () => {
    const token = await readCatalogVersion();
    const generation = publicGeneration();
    expect(await ratingRow("tsvm")).toMatchObject({ organizations: 3, agree: 2, disagree: 2 });

    const result = await revise({ evaluationId: a.evaluationId, to: "hoan-thanh", note: "Hội nghị xem xét lại" });
    expect(result).toMatchObject({ from: "tsvm", to: "hoan-thanh" });
    expect(result.revisedAt).toBeInstanceOf(Date);

    const stored = await Evaluation.findById(a.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    expect(stored?.rating).toBe("hoan-thanh");
    expect(stored?.ratingHistory).toEqual([
      { from: "tsvm", to: "hoan-thanh", revisedAt: result.revisedAt, note: "Hội nghị xem xét lại", caseId: `${a.evaluationId}:0` },
    ]);
    expect(await readCatalogVersion()).not.toBe(token);
    expect(publicGeneration()).toBeGreaterThan(generation);

    const row = (await catalogSnapshot()).rowsById.get(a.evaluationId);
    expect(row?.rating).toBe("hoan-thanh");
    expect(row?.ratingHistory).toEqual([
      {
        from: "tsvm",
        to: "hoan-thanh",
        revisedAt: result.revisedAt.toISOString(),
        note: "Hội nghị xem xét lại",
        caseId: `${a.evaluationId}:0`,
      },
    ]);
    // The summary regroups the comments under the current rating.
    expect(await ratingRow("tsvm")).toMatchObject({ organizations: 2, agree: 1, disagree: 0 });
    expect(await ratingRow("hoan-thanh")).toMatchObject({ organizations: 1, agree: 1, disagree: 2 });

    const audit = await AuditEvent.find({ targetId: a.evaluationId, action: "rating.revise" }).lean();
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorEmail: committee.email, before: { rating: "tsvm" }, after: { rating: "hoan-thanh" } });
    expect(String(audit[0]!.actor)).toBe(committee.id);
  });

  it("answers a retried decision of the same case with the same revision and writes no second version", async () => {
    const again = await revise({ evaluationId: a.evaluationId, to: "hoan-thanh", note: "lần nữa" });
    expect(again).toMatchObject({ from: "tsvm", to: "hoan-thanh" });
    expect((await Evaluation.findById(a.evaluationId, { ratingHistory: 1 }).lean())?.ratingHistory).toHaveLength(1);
  });

  it("refuses a rating outside the period's scale, the same rating, and an unknown evaluation, writing nothing", async () => {
    const refusal = (to: string, evaluationId = b.evaluationId) =>
      revise({ evaluationId, to }).then(
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
      (["yeu-kem", "hoan-thanh-tot"] as const).map((to, i) =>
        revise({ evaluationId: b.evaluationId, to, caseId: `${b.evaluationId}:race-${i}` }),
      ),
    );
    const stored = await Evaluation.findById(b.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    const history = stored!.ratingHistory;
    expect(history).toHaveLength(2);
    expect(history[0]!.from).toBe("tsvm");
    expect(history[1]!.from).toBe(history[0]!.to);
    expect(stored!.rating).toBe(history[1]!.to);
    expect(results.map((r) => r.from).sort()).toEqual([history[0]!.from, history[1]!.from].sort());
  });

  it("shows the revision and the rating each comment was given on, on the page and in the API", async () => {
    const given = await Feedback.find({ evaluation: a.evaluationId }, { ratingGiven: 1 }).lean();
    expect(given.map((doc) => doc.ratingGiven ?? null).sort()).toEqual([null, "tsvm", "tsvm"]);
    await decide(await submitFeedback(a, "agree"), "approved");
    expect((await Feedback.find({ evaluation: a.evaluationId, ratingGiven: "hoan-thanh" }, { _id: 1 }).lean()).length).toBe(1);

    const api = await detail("RV-001");
    expect(api.rating).toBe("hoan-thanh");
    expect(api.ratingHistory).toEqual([
      { from: "tsvm", to: "hoan-thanh", revisedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/), note: "Hội nghị xem xét lại" },
    ]);
    expect((await detail("RV-003")).ratingHistory).toEqual([]);

    const en = await page("RV-001", "en");
    expect(en).toMatch(/Revised on [^<]+ after public consultation: from “Clean and strong” to “Completed tasks”\./);
    // Three comments answered the first rating (one of them from before rating versions); the newest answers the current one.
    expect(en.split("Given on the earlier rating “Clean and strong”").length - 1).toBe(3);
    const vi = await page("RV-001", "vi");
    expect(vi).toMatch(/Điều chỉnh ngày [^<]+ sau khi lấy ý kiến nhân dân: từ “Trong sạch vững mạnh” thành “Hoàn thành nhiệm vụ”\./);
    expect(vi.split("Ý kiến gửi khi xếp loại còn là “Trong sạch vững mạnh”").length - 1).toBe(3);
    const never = await page("RV-003", "en");
    expect(never).not.toContain("after public consultation");
  });

  it("treats a CSV re-import with another rating as an admin correction and keeps the history", async () => {
    const csv = [
      "code,name,kind,district,rating,members,summary,members:xuat-sac,members:tot,members:hoan-thanh,members:vi-pham",
      "RV-001,Chi bộ Ấp Bình Lợi,chi-bo-co-so,Biên Hòa,hoan-thanh-tot,40,,8,32,0,0",
    ].join("\n");
    const report = await importResults({ bytes: new TextEncoder().encode(csv), period: "2011", source: "cli" });
    expect(report).toMatchObject({ applied: true });
    const api = await detail("RV-001");
    expect(api.rating).toBe("hoan-thanh-tot");
    expect(api.ratingHistory).toHaveLength(1);
    expect(api.ratingHistory[0]).toMatchObject({ from: "tsvm", to: "hoan-thanh" });
  });

  it("leaves the counters as summaries:rebuild counts them", async () => {
    expect(await recountCounters({ period: "2011" })).toMatchObject({ checked: 3, drifts: [], repaired: 0 });
  });
});
