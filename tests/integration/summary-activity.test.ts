import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { rebuildCampaignFlags } from "../../models/feedback/campaign-flags.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { rebuildParticipation } from "../../models/summary/participation.server";
import { campaignFlagsByEvaluation, feedbackPerDay, rejectedByReason } from "../../models/summary/summary-activity.server";
import { vietnamDay } from "../../models/lib/vietnam-time";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();

describe("aggregations over the feedback collection", () => {
  it("counts feedback per local day and district, rejections per reason, campaign flags per evaluation", async () => {
    await createPeriod({ code: "2011" });
    const a = await createRatedOrganization({ code: "P-001", name: "Chi bộ Ấp 1", period: "2011", district: "Biên Hòa" });
    const b = await createRatedOrganization({ code: "P-002", name: "Chi bộ Ấp 2", period: "2011", district: "Tân Phú" });
    const items = [
      await submitFeedback(a, "agree"),
      await submitFeedback(a, "disagree", { proposedRating: "yeu-kem" }),
      await submitFeedback(b, "agree"),
      await submitFeedback(b, "neutral"),
    ];
    // createdAt is immutable through mongoose, so the test moves it with the driver.
    // 16:59 and 17:01 UTC fall on two different days in Vietnam (UTC+7).
    await Feedback.collection.updateOne(
      { _id: new Types.ObjectId(items[0]!.id) },
      { $set: { createdAt: new Date("2012-03-01T16:59:00Z") } },
    );
    await Feedback.collection.updateOne(
      { _id: new Types.ObjectId(items[1]!.id) },
      { $set: { createdAt: new Date("2012-03-01T17:01:00Z") } },
    );
    await Feedback.collection.updateOne(
      { _id: new Types.ObjectId(items[2]!.id) },
      { $set: { createdAt: new Date("2012-03-01T17:30:00Z") } },
    );
    await Feedback.collection.updateOne(
      { _id: new Types.ObjectId(items[3]!.id) },
      { $set: { createdAt: new Date("2012-03-02T03:00:00Z"), flags: [{ kind: "burst", detail: "5" }, { kind: "link" }] } },
    );
    // The day documents counted each item when it arrived (today); a rebuild re-reads the moved dates.
    expect((await feedbackPerDay({ period: "2011" })).reduce((sum, d) => sum + d.total, 0)).toBe(4);
    expect(await rebuildParticipation({ period: "2011" })).toBeGreaterThan(0);
    await decide(items[2]!, "rejected", "spam");
    await decide(items[3]!, "rejected", "spam");
    await decide(items[1]!, "rejected", "abuse");

    expect(vietnamDay(new Date("2012-03-01T16:59:00Z"))).toBe("2012-03-01");
    expect(await feedbackPerDay({ period: "2011" })).toEqual([
      { day: "2012-03-01", total: 1, districts: { "Biên Hòa": 1 } },
      { day: "2012-03-02", total: 3, districts: { "Biên Hòa": 1, "Tân Phú": 2 } },
    ]);
    expect(await feedbackPerDay({ period: "2011", district: "Tân Phú" })).toEqual([
      { day: "2012-03-02", total: 2, districts: { "Tân Phú": 2 } },
    ]);

    const reasons = await rejectedByReason({ period: "2011" });
    expect(reasons.filter((r) => r.count > 0)).toEqual([
      { reason: "spam", count: 2 },
      { reason: "abuse", count: 1 },
    ]);
    expect(reasons).toHaveLength(6);
    expect((await rejectedByReason({ period: "2011", district: "Biên Hòa" })).filter((r) => r.count > 0)).toEqual([
      { reason: "abuse", count: 1 },
    ]);

    // The flag was set behind the intake's back (as a restored backup would): the rebuild counts it.
    expect(Object.fromEntries(await campaignFlagsByEvaluation({ period: "2011" }))).toEqual({});
    expect(await rebuildCampaignFlags({ period: "2011" })).toBe(1);
    expect(Object.fromEntries(await campaignFlagsByEvaluation({ period: "2011" }))).toEqual({ [b.evaluationId]: 1 });
    expect(await rebuildCampaignFlags({ period: "2011" })).toBe(0);
  });
});
