import { describe, expect, it } from "vitest";
import { action as withdrawApi, loader as trackingApi } from "../../app/routes/api.v1.feedback.$trackingCode";
import { action as removalApi } from "../../app/routes/api.v1.feedback.$trackingCode.removal";
import { action as decideApi } from "../../app/routes/api.v1.moderation.feedback.$id";
import { action as trackingForm, loader as trackingPage } from "../../app/routes/feedback.$trackingCode";
import { action as queueForm } from "../../app/routes/moderation._index";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { moderationStats } from "../../models/moderation/moderation-stats.server";
import { QueueEntry } from "../../models/moderation/queue-entry.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const context = { cspNonce: "", requestId: "t", clientKey: "k" };

let periodMade = false;
/** A fresh organization with one 2011 evaluation (the period is made once). */
async function organization(code: string) {
  if (!periodMade) await createPeriod({ code: "2011" });
  periodMade = true;
  return createRatedOrganization({ code, name: `Chi bộ ${code}`, period: "2011" });
}

async function counters(evaluationId: string) {
  const doc = await Evaluation.findById(evaluationId, { counters: 1, followUp: 1 }).lean();
  return { ...doc!.counters, followUp: Object.fromEntries(Object.entries(doc!.followUp ?? {})) };
}

function call(
  handler: typeof withdrawApi,
  method: string,
  path: string,
  params: Record<string, string>,
  headers: Record<string, string> = {},
  body?: unknown,
) {
  const request = new Request(`http://localhost${path}`, {
    method,
    headers: { "accept-language": "en", ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return handler({ request, params, context }) as Promise<Response>;
}

/** A moderator's decision through the JSON API, as the queue page's script sends it. */
const decideByApi = (id: string, cookie: string, decision: string) =>
  call(
    decideApi,
    "POST",
    `/api/v1/moderation/feedback/${id}`,
    { id },
    { Cookie: cookie, "Content-Type": "application/json" },
    { decision },
  );
const withdraw = (code: string) => call(withdrawApi, "DELETE", `/api/v1/feedback/${code}`, { trackingCode: code });
const askRemoval = (code: string) => call(removalApi, "POST", `/api/v1/feedback/${code}/removal`, { trackingCode: code });
async function tracked(code: string) {
  const response = (await trackingApi({
    request: new Request(`http://localhost/api/v1/feedback/${code}`),
    params: { trackingCode: code },
    context,
  })) as Response;
  return ((await response.json()) as { status: string }).status;
}

async function noDrift() {
  const report = await recountCounters({ period: "2011", dryRun: true });
  expect(report.drifts).toEqual([]);
}

describe("withdrawing a pending comment with its tracking code", () => {
  it("answers 200 {status:'withdrawn'}, moves pending back at once, leaves the queue and its count, and shows on the tracking page", async () => {
    const org = await organization("FU-01");
    const item = await createPendingFeedback({ ...org });
    expect(await counters(org.evaluationId)).toMatchObject({ pending: 1 });
    const queued = (await moderationStats({ now: new Date() })).queue.pending;

    const response = await withdraw(item.trackingCode.toLowerCase());
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "withdrawn" });
    expect(await counters(org.evaluationId)).toMatchObject({ pending: 0, agree: 0, followUp: { withdrawn: 1 } });
    expect(await QueueEntry.exists({ _id: item.id })).toBeNull();
    expect((await moderationStats({ now: new Date() })).queue.pending).toBe(queued - 1);
    expect(await tracked(item.trackingCode)).toBe("withdrawn");

    const again = await withdraw(item.trackingCode);
    expect(again.status).toBe(409);
    expect(await again.json()).toEqual({ error: { code: "already_withdrawn", message: "This view was already withdrawn." } });
    await noDrift();
  });

  it("answers 404 with a translated message for an unknown code, and 405 for another method", async () => {
    const unknown = await withdraw("2345-6789-AB");
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: { code: "not_found", message: "No view has this tracking code." } });
    const vi = await call(withdrawApi, "DELETE", "/api/v1/feedback/nope", { trackingCode: "nope" }, { "accept-language": "vi" });
    expect(((await vi.json()) as { error: { message: string } }).error.message).toBe("Không có ý kiến nào với mã theo dõi này.");
    expect((await call(withdrawApi, "PUT", "/api/v1/feedback/x", { trackingCode: "x" })).status).toBe(405);
  });

  it("races a moderator's approval: exactly one wins, the loser gets 409, counters move once", async () => {
    const org = await organization("FU-02");
    const moderator = await createStaff("moderator");
    for (let round = 0; round < 4; round++) {
      const item = await createPendingFeedback({ ...org });
      const [withdrawn, decided] = await Promise.all([withdraw(item.trackingCode), decideByApi(item.id, moderator.cookie, "approve")]);
      expect([withdrawn.status, decided.status].sort()).toEqual([200, 409]);
      const status = await tracked(item.trackingCode);
      expect(status).toBe(withdrawn.status === 200 ? "withdrawn" : "approved");
      if (withdrawn.status === 409) expect(((await withdrawn.json()) as { error: { code: string } }).error.code).toBe("already_decided");
    }
    const after = await counters(org.evaluationId);
    expect(after.pending).toBe(0);
    expect(after.agree + (after.followUp.withdrawn ?? 0)).toBe(4);
    await noDrift();
  });
});

describe("asking for a published comment's removal", () => {
  it("hides it at once, returns it to the queue marked as a removal request, and a moderator's decision ends it", async () => {
    const org = await organization("FU-03");
    const moderator = await createStaff("moderator");
    const item = await createPendingFeedback({ ...org, stance: "disagree" });
    await decideFeedback({ id: item.id, decision: "approve", moderator });
    expect((await listApprovedFeedback({ evaluationIds: [org.evaluationId] })).items.map((i) => i.id)).toEqual([item.id]);

    const pendingRemoval = await withdraw(item.trackingCode);
    expect(pendingRemoval.status).toBe(409);
    expect(((await pendingRemoval.json()) as { error: { code: string } }).error.code).toBe("not_pending");

    const response = await askRemoval(item.trackingCode);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "removal-requested" });
    expect(await counters(org.evaluationId)).toMatchObject({ disagree: 0, followUp: { "removal-requested": 1 } });
    expect((await listApprovedFeedback({ evaluationIds: [org.evaluationId] })).items).toEqual([]);
    expect(await tracked(item.trackingCode)).toBe("removal-requested");
    const queue = await listQueue({ filters: { status: "pending", organization: "FU-03" }, limit: 10 });
    expect(queue.items.map((i) => ({ id: i.id, status: i.status, kind: i.followUp?.kind }))).toEqual([
      { id: item.id, status: "removal-requested", kind: "removal" },
    ]);
    expect((await moderationStats({ now: new Date() })).queue).toMatchObject({ removalRequests: 1 });
    expect((await askRemoval(item.trackingCode)).status).toBe(409);

    // An approval aimed at it does not take its follow-up entry; two moderators racing to remove it: one wins.
    const approve = await decideByApi(item.id, moderator.cookie, "approve");
    expect(approve.status).toBe(409);
    const other = await createStaff("moderator");
    const results = await Promise.all([moderator, other].map((m) => decideByApi(item.id, m.cookie, "remove")));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(await tracked(item.trackingCode)).toBe("removed-on-request");
    expect(await counters(org.evaluationId)).toMatchObject({ disagree: 0, followUp: { "removal-requested": 0, "removed-on-request": 1 } });
    expect((await moderationStats({ now: new Date() })).queue).toMatchObject({ removalRequests: 0 });
    await noDrift();
  });

  it("refuses a removal request for a comment that is still pending", async () => {
    const org = await organization("FU-04");
    const item = await createPendingFeedback({ ...org });
    const response = await askRemoval(item.trackingCode);
    expect(response.status).toBe(409);
    expect(await response.json()).toEqual({ error: { code: "not_published", message: "Only a published view can be removed this way." } });
  });
});

describe("the no-JavaScript forms", () => {
  /** POSTs a form the way a browser without JavaScript does; a redirect or a thrown page comes back as a Response. */
  async function post(
    handler: typeof trackingForm,
    path: string,
    params: Record<string, string>,
    fields: Record<string, string>,
    cookie = "",
  ) {
    const request = new Request(`http://localhost${path}`, {
      method: "POST",
      headers: { "accept-language": "en", ...(cookie ? { Cookie: cookie } : {}) },
      body: new URLSearchParams(fields),
    });
    try {
      return (await handler({ request, params, context })) as unknown;
    } catch (thrown) {
      return thrown;
    }
  }
  /** The tracking page's form, sent with `intent`. */
  const postTracking = (code: string, intent: string) => post(trackingForm, `/feedback/${code}`, { trackingCode: code }, { intent });
  /** The moderation queue page's form, sent by a signed-in moderator. */
  const postQueue = (fields: Record<string, string>, cookie: string) =>
    post(queueForm as typeof trackingForm, "/moderation", {}, fields, cookie);
  type Refused = { data: { message: string }; init: { status: number } };

  it("the tracking page asks for removal, refuses an unknown intent, and shows the new state", async () => {
    const org = await organization("FU-05");
    const moderator = await createStaff("moderator");
    const item = await createPendingFeedback({ ...org });
    const code = item.trackingCode;
    const odd = (await postTracking(code, "publish")) as Refused;
    expect(odd.init.status).toBe(400);
    expect(odd.data.message).toBe("This request is not understood. Use the buttons on the page.");
    const early = (await postTracking(code, "removal")) as Refused;
    expect(early.init.status).toBe(409);

    await decideFeedback({ id: item.id, decision: "approve", moderator });
    const done = (await postTracking(code, "removal")) as Response;
    expect(done.status).toBe(303);
    expect(done.headers.get("Location")).toBe(`/feedback/${code}?done=removal-requested`);
    const page = (await trackingPage({
      request: new Request(`http://localhost/feedback/${code}?done=removal-requested`),
      params: { trackingCode: code },
      context,
    })) as unknown as { data: { tracking: { status: string }; done: string } };
    expect(page.data).toMatchObject({ tracking: { status: "removal-requested" }, done: "removal-requested" });

    // A note over 500 characters is refused with its message, and the comment stays back for review.
    const long = (await postQueue({ intent: "keep", id: item.id, note: "x".repeat(501) }, moderator.cookie)) as {
      data: { ok: boolean; fields: Record<string, string> };
      init: { status: number };
    };
    expect(long.init.status).toBe(400);
    expect(long.data).toMatchObject({ ok: false, fields: { note: "A note has at most 500 characters." } });
    expect(await tracked(code)).toBe("removal-requested");

    // The moderator keeps it from the queue page's form: published again.
    const kept = (await postQueue({ intent: "keep", id: item.id, note: "Không vi phạm" }, moderator.cookie)) as {
      data: { ok: boolean; message: string };
    };
    expect(kept.data).toMatchObject({ ok: true, message: "The comment is published again." });
    expect(await tracked(code)).toBe("approved");
    const again = (await postQueue({ intent: "remove", id: item.id }, moderator.cookie)) as {
      data: { ok: boolean };
      init: { status: number };
    };
    expect(again.init.status).toBe(409);
    expect(await counters(org.evaluationId)).toMatchObject({ agree: 1, followUp: { "removal-requested": 0 } });
    await noDrift();
  });
});
