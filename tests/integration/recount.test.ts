import { beforeAll, describe, expect, it } from "vitest";
import { serialised } from "../../models/db/connection.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { recountCounters } from "../../models/summary/recount.server";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import { catalogChanged } from "../../models/catalog/catalog-cache.server";
import { getSummary } from "../../models/summary/summary.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();

async function organizationSummary(code: string) {
  const period = await findPublishedPeriod({ code: "2011" });
  const summary = await getSummary({ period: period!, groupBy: "organization", lang: "vi" });
  return summary.rows.find((row) => row.key === code)!;
}

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const a = await createRatedOrganization({ code: "R-001", name: "Chi bộ Ấp 1", period: "2011" });
  const b = await createRatedOrganization({ code: "R-002", name: "Chi bộ Ấp 2", period: "2011", district: "Long Khánh" });
  await decide(await submitFeedback(a, "agree", { isResident: true }), "approved");
  await decide(await submitFeedback(a, "disagree", { proposedRating: "hoan-thanh" }), "approved");
  await decide(await submitFeedback(a, "neutral"), "rejected", "spam");
  await submitFeedback(b, "agree");
});

/** An evaluation's stored counters, by organization code. */
async function storedCounters(orgCode: string) {
  return Evaluation.findOne({ orgCode }, { _id: 0, counters: 1, residentCounters: 1, proposed: 1, rejected: 1 }).lean();
}

describe("summaries:rebuild recount", () => {
  it("finds nothing to repair when counters were only moved by the application", async () => {
    // What the real intake and decisions wrote, counted by hand: one resident agreement, one disagreement
    // proposing "hoan-thanh", one rejection as spam on R-001; one pending item on R-002.
    expect(await storedCounters("R-001")).toMatchObject({
      counters: { agree: 1, disagree: 1, neutral: 0, pending: 0 },
      residentCounters: { agree: 1, disagree: 0, neutral: 0 },
      proposed: { "hoan-thanh": 1 },
      rejected: { spam: 1 },
    });
    expect(await storedCounters("R-002")).toMatchObject({ counters: { agree: 0, disagree: 0, neutral: 0, pending: 1 } });
    const report = await recountCounters({ period: "2011" });
    expect(report).toMatchObject({ checked: 2, drifts: [], repaired: 0, unresolved: [] });
  });

  it("reports and repairs counters.agree raised by 7 behind the application's back", async () => {
    const before = await organizationSummary("R-001");
    const evaluation = await Evaluation.findOne({ orgCode: "R-001" }, { _id: 1 }).lean();
    const id = String(evaluation!._id);
    await serialised(Evaluation, id, () => Evaluation.updateOne({ _id: id }, { $inc: { "counters.agree": 7 } }));
    // As a script in another process would leave it: written, and the readers told to reload.
    await catalogChanged();
    expect((await organizationSummary("R-001")).agree).toBe(before.agree + 7);

    const dry = await recountCounters({ period: "2011", dryRun: true });
    expect(dry.drifts).toEqual([
      { evaluation: id, orgCode: "R-001", period: "2011", field: "counters.agree", stored: before.agree + 7, recount: before.agree },
    ]);
    expect((await organizationSummary("R-001")).agree).toBe(before.agree + 7);

    const report = await recountCounters({ period: "2011" });
    expect(report.drifts).toEqual(dry.drifts);
    expect(report.repaired).toBe(1);
    expect(report.unresolved).toEqual([]);
    expect(await organizationSummary("R-001")).toEqual({ ...before });
    expect((await recountCounters()).drifts).toEqual([]);
  });

  it("repairs map counters (proposed, rejected) and resident counters in both directions", async () => {
    const evaluation = await Evaluation.findOne({ orgCode: "R-002" }, { _id: 1 }).lean();
    const id = String(evaluation!._id);
    await Evaluation.updateOne(
      { _id: id },
      { $inc: { "residentCounters.disagree": 2, "proposed.yeu-kem": 1, "rejected.abuse": -1, "counters.pending": -1 } },
    );
    const report = await recountCounters();
    expect(report.drifts.map((d) => `${d.field} ${d.stored}→${d.recount}`).sort()).toEqual([
      "counters.pending 0→1",
      "proposed.yeu-kem 1→0",
      "rejected.abuse -1→0",
      "residentCounters.disagree 2→0",
    ]);
    expect((await recountCounters()).drifts).toEqual([]);
  });
});
