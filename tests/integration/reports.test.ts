import { describe, expect, it } from "vitest";
import { action as reportApi } from "../../app/routes/api.v1.feedback.$id.reports";
import { loader as queueApi } from "../../app/routes/api.v1.moderation.queue";
import { loader as trackingApi } from "../../app/routes/api.v1.feedback.$trackingCode";
import { action as adminReports } from "../../app/routes/admin.reports";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { rebuildFeedbackReadModels } from "../../models/feedback/read-models.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { resolveFollowUp } from "../../models/feedback/follow-up.server";
import { Report } from "../../models/feedback/reports.server";
import { reportThreshold } from "../../models/feedback/report-settings.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { moderationStats, publicRejections } from "../../models/moderation/moderation-stats.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { newClientKey } from "./feedback-call";

setupTestDatabase();

const GIVEN_ON = "hoan-thanh";
let periodMade = false;
/** A published comment on a fresh organization's 2011 evaluation. */
async function publishedComment(code: string) {
  if (!periodMade) await createPeriod({ code: "2011" });
  periodMade = true;
  const org = await createRatedOrganization({ code, name: `Chi bộ ${code}`, period: "2011" });
  const moderator = await createStaff("moderator");
  const item = await createPendingFeedback({ ...org, stance: "agree" });
  // Given on an earlier rating: hiding and restoring must not lose that.
  await Feedback.updateOne({ _id: item.id }, { $set: { ratingGiven: GIVEN_ON } });
  await decideFeedback({ id: item.id, decision: "approve", moderator });
  return { org, item, moderator };
}

async function report(id: string, body: unknown, clientKey = newClientKey(), lang = "en") {
  const request = new Request(`http://localhost/api/v1/feedback/${id}/reports`, {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": lang },
    body: JSON.stringify(body),
  });
  const response = (await reportApi({ request, params: { id }, context: { cspNonce: "", requestId: "t", clientKey } })) as Response;
  return {
    status: response.status,
    json: (await response.json()) as { status?: string; error?: { code: string; message: string; fields?: Record<string, string> } },
  };
}

async function agree(evaluationId: string) {
  return (await Evaluation.findById(evaluationId, { counters: 1 }).lean())!.counters.agree;
}

async function published(evaluationId: string) {
  return (await listApprovedFeedback({ evaluationIds: [evaluationId] })).items.map((i) => i.id);
}

async function noDrift() {
  expect((await recountCounters({ period: "2011", dryRun: true })).drifts).toEqual([]);
}

describe("readers report a published comment", () => {
  it("three reports from three addresses hide it; a moderator restores it; counters, transparency and recount follow", async () => {
    const { org, item, moderator } = await publishedComment("RP-01");
    expect(await reportThreshold()).toBe(3);
    expect(await agree(org.evaluationId)).toBe(1);

    expect(await report(item.id, { reason: "abuse" })).toEqual({ status: 201, json: { status: "received" } });
    expect(await report(item.id, { reason: "personal-data" })).toMatchObject({ status: 201 });
    expect(await published(org.evaluationId)).toEqual([item.id]);
    expect(await report(item.id, { reason: "abuse" })).toMatchObject({ status: 201 });

    // Hidden: out of the public list, its stance counter back, in the queue with its reports.
    expect(await published(org.evaluationId)).toEqual([]);
    expect(await agree(org.evaluationId)).toBe(0);
    const cookie = moderator.cookie;
    const queue = (await queueApi({
      request: new Request("http://localhost/api/v1/moderation/queue?organization=RP-01", { headers: { Cookie: cookie } }),
      params: {},
      context: { cspNonce: "", requestId: "t", clientKey: "k" },
    })) as Response;
    const items = ((await queue.json()) as { items: { id: string; status: string; followUp: unknown }[] }).items;
    expect(items).toEqual([
      expect.objectContaining({
        id: item.id,
        status: "under-review",
        followUp: { kind: "reports", reports: { count: 3, reasons: { abuse: 2, "personal-data": 1 } } },
      }),
    ]);
    expect((await moderationStats({ now: new Date() })).queue).toMatchObject({ reported: 1 });
    const tracking = (await trackingApi({
      request: new Request(`http://localhost/api/v1/feedback/${item.trackingCode}`),
      params: { trackingCode: item.trackingCode },
      context: { cspNonce: "", requestId: "t", clientKey: "k" },
    })) as Response;
    expect(await tracking.json()).toMatchObject({ status: "under-review" });
    // A rebuild of the read models from the feedback collection puts it back in the queue just the same.
    await rebuildFeedbackReadModels();
    const rebuilt = await listQueue({ filters: { status: "pending", organization: "RP-01" }, limit: 10 });
    expect(rebuilt.items).toEqual([
      expect.objectContaining({
        id: item.id,
        followUp: { kind: "reports", reports: { count: 3, reasons: { abuse: 2, "personal-data": 1 } } },
      }),
    ]);
    expect(await published(org.evaluationId)).toEqual([]);
    // Hidden comments cannot be reported further.
    expect(await report(item.id, { reason: "spam" })).toMatchObject({ status: 404, json: { error: { code: "not_found" } } });
    await noDrift();

    await resolveFollowUp({ id: item.id, decision: "keep", moderator });
    expect(await published(org.evaluationId)).toEqual([item.id]);
    expect((await listApprovedFeedback({ evaluationIds: [org.evaluationId] })).items[0]?.ratingGiven).toBe(GIVEN_ON);
    expect(await agree(org.evaluationId)).toBe(1);
    expect(await publicRejections({ organizationCode: "RP-01" })).toEqual({ [org.evaluationId]: {} });
    expect((await moderationStats({ now: new Date() })).queue).toMatchObject({ reported: 0 });
    await noDrift();

    // Reviewed reports no longer count: one new report does not hide it again.
    expect(await report(item.id, { reason: "other" })).toMatchObject({ status: 201 });
    expect(await published(org.evaluationId)).toEqual([item.id]);
  });

  it("a comment removed after reports is counted on the transparency line", async () => {
    const { org, item, moderator } = await publishedComment("RP-02");
    for (let i = 0; i < 3; i++) await report(item.id, { reason: "abuse" });
    await resolveFollowUp({ id: item.id, decision: "remove", moderator });
    expect(await publicRejections({ organizationCode: "RP-02" })).toEqual({ [org.evaluationId]: { "removed-after-reports": 1 } });
    expect(await agree(org.evaluationId)).toBe(0);
    expect((await moderationStats({ now: new Date() })).followUp).toMatchObject({ "removed-after-reports": 1 });
    expect(await AuditEvent.exists({ action: "feedback.remove", targetId: item.id })).not.toBeNull();
    await noDrift();
  });

  it("takes one report per address per comment; stores no address", async () => {
    const { item } = await publishedComment("RP-03");
    const key = newClientKey();
    expect(await report(item.id, { reason: "spam" }, key)).toMatchObject({ status: 201 });
    expect(await report(item.id, { reason: "abuse" }, key)).toEqual({
      status: 409,
      json: { error: { code: "already_reported", message: "You have already reported this comment. Thank you." } },
    });
    const stored = await Report.find({ feedback: item.id }).lean();
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(key);
  });

  it("refuses bad input with a translated 400, and unknown or unpublished comments with 404", async () => {
    const { item } = await publishedComment("RP-04");
    expect(await report(item.id, { reason: "boring" })).toMatchObject({
      status: 400,
      json: { error: { code: "invalid_input", fields: { reason: "Choose a reason." } } },
    });
    expect(await report(item.id, {}, newClientKey(), "vi")).toMatchObject({
      status: 400,
      json: { error: { fields: { reason: "Hãy chọn một lý do." } } },
    });
    expect(await report(item.id, { reason: "spam", website: "http://x" })).toMatchObject({
      status: 400,
      json: { error: { code: "spam_suspected" } },
    });
    expect(await report("65a000000000000000000000", { reason: "spam" })).toMatchObject({
      status: 404,
      json: { error: { code: "not_found", message: "This comment is not published (or no longer is), so it cannot be reported." } },
    });
    expect(await report("not-an-id", { reason: "spam" })).toMatchObject({ status: 404 });
    const pending = await createPendingFeedback({
      ...(await createRatedOrganization({ code: "RP-05", name: "Chi bộ RP-05", period: "2011" })),
    });
    expect(await report(pending.id, { reason: "spam" })).toMatchObject({ status: 404 });
  });

  it("an admin sets the threshold (audited); a bad value is refused with a translated message", async () => {
    const admin = await createStaff("admin");
    const post = (threshold: string) =>
      adminReports({
        request: new Request("http://localhost/admin/reports", {
          method: "POST",
          headers: { Cookie: admin.cookie, "accept-language": "en" },
          body: new URLSearchParams({ threshold }),
        }),
        params: {},
        context: { cspNonce: "", requestId: "t", clientKey: "k" },
      });
    const refused = (await post("0")) as unknown as { data: { errors: Record<string, string> }; init: { status: number } };
    expect(refused.init.status).toBe(400);
    expect(refused.data.errors.threshold).toBe("Enter a whole number from 1 to 100.");
    await post("1");
    expect(await reportThreshold()).toBe(1);
    expect(await AuditEvent.exists({ action: "settings.report-threshold" })).not.toBeNull();
    const { org, item } = await publishedComment("RP-06");
    await report(item.id, { reason: "abuse" });
    expect(await published(org.evaluationId)).toEqual([]);
    await post("3");
  });
});
