import { beforeAll, describe, expect, it } from "vitest";
import { action as periodAction, loader as periodLoader } from "../../app/routes/admin.periods.$code";
import { loader as detailApi } from "../../app/routes/api.v1.organizations.$code";
import { loader as reviewsApi } from "../../app/routes/api.v1.reviews";
import { loader as dashboardLoader } from "../../app/routes/committee";
import { action as caseAction, loader as caseLoader } from "../../app/routes/committee_.reviews.$id";
import { findPublishedPeriod } from "../../models/catalog/catalog.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { ReviewCase, reviewCaseId } from "../../models/review/review-case.server";
import { openDueReviews } from "../../models/review/review-open.server";
import { recountCounters } from "../../models/summary/recount.server";
import { getSummary } from "../../models/summary/summary.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { callLoader } from "./route-call";
import { decide, submitFeedback, type FeedbackHandle } from "./summary-feedback";

setupTestDatabase();
const http = setupHttpApp();

type Staff = Awaited<ReturnType<typeof createStaff>>;
type Org = { organizationId: string; evaluationId: string };
let admin: Staff;
let members: Staff[];
let moderators: Staff[];
let a: Org;
let b: Org;

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  a = await createRatedOrganization({ code: "RR-001", name: "Chi bộ Ấp Suối Cát", period: "2011", rating: "tsvm" });
  b = await createRatedOrganization({ code: "RR-002", name: "Chi bộ Ấp Bàu Hàm", period: "2011", rating: "tsvm", district: "Long Khánh" });
  admin = await createStaff("admin");
  members = [await createStaff("committee"), await createStaff("committee")];
  moderators = await Promise.all([1, 2, 3, 4, 5].map(() => createStaff("moderator")));
});

const pending = (org: Org, stance: "agree" | "disagree", n: number): Promise<FeedbackHandle[]> =>
  Promise.all(Array.from({ length: n }, () => submitFeedback(org, stance, stance === "disagree" ? { proposedRating: "hoan-thanh" } : {})));
const approveAll = async (items: FeedbackHandle[]) => {
  for (const item of items) await decide(item, "approved");
};
const casesOf = (org: Org) => ReviewCase.find({ evaluation: org.evaluationId }, { status: 1 }).lean();
const thresholdsForm = (over: Record<string, string> = {}) => ({
  intent: "review-thresholds",
  disagreementEnabled: "on",
  minLowerBound: "40",
  minSides: "5",
  minCount: "3",
  ...over,
});
const reviewsFor = async (cookie?: string) =>
  (await (await callLoader(reviewsApi, "/api/v1/reviews?period=2011", {}, cookie ? { Cookie: cookie } : {})).json()) as {
    items: { organization: string; status: string; outcome?: Record<string, string> }[];
  };
const caseId = () => reviewCaseId(a.evaluationId, 0);
const get = (path: string, cookie?: string) => fetch(http.url(path), { headers: cookie ? { Cookie: cookie } : {}, redirect: "manual" });
const post = (member: Staff, form: Record<string, string>) =>
  callRoute(caseAction, `/committee/reviews/${caseId()}`, { cookie: member.cookie, form, params: { id: caseId() } });

describe("re-review thresholds on the admin period page", () => {
  it("refuses bad values with translated messages, saves good ones, audits, and is for admins only", async () => {
    const refused = await callRoute(periodAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: thresholdsForm({ minLowerBound: "150", minSides: "0" }),
    });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({
      form: "thresholds",
      errors: { minLowerBound: "Nhập tỷ lệ phần trăm từ 0 đến 99.", minSides: "Nhập số nguyên từ 1 trở lên." },
    });

    const saved = await callRoute(periodAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: thresholdsForm(),
    });
    expect(saved).toMatchObject({ status: 302, location: "/admin/periods/2011?saved=thresholds" });
    const page = await callRoute(periodLoader, "/admin/periods/2011?saved=thresholds", { cookie: admin.cookie, params: { code: "2011" } });
    expect(page.data).toMatchObject({
      thresholdsSaved: true,
      thresholds: { disagreementEnabled: "on", minLowerBound: "40", minSides: "5", proposalsEnabled: "", minCount: "3" },
    });
    expect(await AuditEvent.countDocuments({ action: "review.thresholds", targetId: "2011", actorEmail: admin.email })).toBe(1);

    const forbidden = await callRoute(periodAction, "/admin/periods/2011", {
      cookie: members[0]!.cookie,
      params: { code: "2011" },
      form: thresholdsForm({ minSides: "1" }),
    });
    expect(forbidden.status).toBe(403);
  });
});

describe("crossing a threshold", () => {
  it("opens exactly one case, even when several approvals race over the threshold", async () => {
    await approveAll(await pending(a, "agree", 2));
    // 3 of 5 sides disagree: the interval's lower bound (0.23) is below 40%.
    await approveAll(await pending(a, "disagree", 3));
    expect(await casesOf(a)).toHaveLength(0);

    const racing = await pending(a, "disagree", 5);
    await Promise.all(racing.map((item, i) => decideFeedback({ id: item.id, decision: "approve", moderator: moderators[i]! })));
    const cases = await ReviewCase.find({ evaluation: a.evaluationId }).lean();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ _id: caseId(), status: "open", reason: "disagreement", rating: "tsvm", ratingVersion: 0 });
    expect(cases[0]!.numbers.sides).toBeGreaterThanOrEqual(8);
    expect(cases[0]!.numbers.disagreementLow).toBeGreaterThan(0.4);
    expect(await AuditEvent.countDocuments({ action: "review.open", targetId: caseId() })).toBe(1);

    // Recomputing (summaries:rebuild's check) opens nothing more.
    expect(await openDueReviews()).toBe(0);
    expect(await openDueReviews({ period: "2011" })).toBe(0);
    expect(await casesOf(a)).toHaveLength(1);
  });

  it("ranks open cases on the committee dashboard by the lower bound, with the comments that count; anonymous callers see none", async () => {
    await approveAll(await pending(b, "agree", 3));
    await approveAll(await pending(b, "disagree", 8));
    expect(await casesOf(b)).toHaveLength(1);

    const dashboard = (await callLoader(dashboardLoader, "/committee?period=2011", {}, { Cookie: members[0]!.cookie })) as {
      reviews: { organization: string; comments: { body: string }[]; current: { disagreementLow: number } }[];
    };
    expect(dashboard.reviews.map((item) => item.organization)).toEqual(["RR-001", "RR-002"]);
    expect(dashboard.reviews[0]!.current.disagreementLow).toBeGreaterThan(dashboard.reviews[1]!.current.disagreementLow);
    expect(dashboard.reviews[0]!.comments).toHaveLength(5);
    for (const comment of dashboard.reviews[0]!.comments) expect(comment.body).toMatch(/^Ý kiến disagree /);

    expect((await reviewsFor()).items).toEqual([]);
    expect((await reviewsFor(members[0]!.cookie)).items.map((item) => [item.organization, item.status])).toEqual(
      expect.arrayContaining([
        ["RR-001", "open"],
        ["RR-002", "open"],
      ]),
    );
  });

  it("shows only the chosen district's open cases on the dashboard and keeps the district on the link to the full list", async () => {
    const cookie = members[0]!.cookie;
    const everyDistrict = await (await get("/committee?period=2011&lng=vi", cookie)).text();
    expect(everyDistrict).toContain("Chi bộ Ấp Suối Cát");
    expect(everyDistrict).toContain("Chi bộ Ấp Bàu Hàm");
    const cases = async (path: string) =>
      ((await callLoader(dashboardLoader, path, {}, { Cookie: cookie })) as { reviews: { organization: string }[] }).reviews.map(
        (item) => item.organization,
      );
    expect(await cases("/committee?period=2011&district=Bi%C3%AAn+H%C3%B2a")).toEqual(["RR-001"]);
    expect(await cases("/committee?period=2011&kind=dang-bo-co-so")).toEqual([]);

    const dashboard = await (await get("/committee?period=2011&district=Long+Kh%C3%A1nh&lng=vi", cookie)).text();
    expect(dashboard).toContain("Chi bộ Ấp Bàu Hàm");
    expect(dashboard).not.toContain("Chi bộ Ấp Suối Cát");
    expect(dashboard).toContain('href="/committee/reviews?period=2011&amp;district=Long+Kh%C3%A1nh"');

    const list = await (await get("/committee/reviews?period=2011&district=Long+Kh%C3%A1nh&lng=vi", cookie)).text();
    expect(list).toContain("Chi bộ Ấp Bàu Hàm");
    expect(list).not.toContain("Chi bộ Ấp Suối Cát");
    const other = await (await get("/committee/reviews?period=2011&district=Bi%C3%AAn+H%C3%B2a&lng=vi", cookie)).text();
    expect(other).toContain("Chi bộ Ấp Suối Cát");
    expect(other).not.toContain("Chi bộ Ấp Bàu Hàm");
    expect((await get("/committee/reviews?period=2011&district=Atlantis", cookie)).status).toBe(400);
  });
});

describe("a committee member works the case", () => {
  it("takes it once: a second member at the same moment gets the 409 message", async () => {
    const outcomes = await Promise.all(members.map((member) => post(member, { intent: "start" })));
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);
    expect(outcomes.find((o) => o.status === 409)!.data).toMatchObject({
      errors: { _form: "Người khác đã xử lý hồ sơ này trước. Trang đang hiển thị trạng thái hiện tại." },
    });
    expect(await AuditEvent.countDocuments({ action: "review.start", targetId: caseId() })).toBe(1);
  });

  it("refuses a change without a new rating or a note, then changes the rating exactly once", async () => {
    const refused = await post(members[0]!, { intent: "decide", decision: "changed", to: "", note: "" });
    expect(refused.status).toBe(400);
    expect(refused.data).toMatchObject({ errors: { to: "Hãy chọn mức xếp loại mới.", note: "Hãy ghi lý do, ít nhất 3 ký tự." } });

    const form = {
      intent: "decide",
      decision: "changed",
      to: "hoan-thanh",
      note: "Hội nghị cấp ủy xem xét lại sau khi lấy ý kiến nhân dân.",
    };
    const outcomes = await Promise.all(members.map((member) => post(member, form)));
    expect(outcomes.map((o) => o.status).sort()).toEqual([302, 409]);

    const stored = await Evaluation.findById(a.evaluationId, { rating: 1, ratingHistory: 1 }).lean();
    expect(stored?.rating).toBe("hoan-thanh");
    expect(stored?.ratingHistory).toEqual([expect.objectContaining({ from: "tsvm", to: "hoan-thanh", note: form.note, caseId: caseId() })]);
    const decided = await ReviewCase.findById(caseId()).lean();
    expect(decided).toMatchObject({ status: "decided", outcome: { decision: "changed", from: "tsvm", to: "hoan-thanh", note: form.note } });
    expect(await AuditEvent.countDocuments({ action: "review.decide", targetId: caseId() })).toBe(1);

    const page = (await callLoader(caseLoader, `/committee/reviews/${caseId()}`, { id: caseId() }, { Cookie: members[1]!.cookie })) as {
      item: { status: string };
    };
    expect(page.item.status).toBe("decided");
  });

  it("shows the revision and its history on the public page and in the APIs", async () => {
    const html = await (await fetch(http.url("/organizations/RR-001?lng=en"))).text();
    expect(html).toMatch(/Revised on [^<]+ after public consultation/);
    const detail = (await (await callLoader(detailApi, "/api/v1/organizations/RR-001", { code: "RR-001" })).json()) as {
      evaluations: { rating: string; ratingHistory: unknown[] }[];
    };
    expect(detail.evaluations[0]).toMatchObject({ rating: "hoan-thanh", ratingHistory: [{ from: "tsvm", to: "hoan-thanh" }] });

    const reviews = await reviewsFor();
    expect(reviews.items).toHaveLength(1);
    expect(reviews.items[0]).toMatchObject({
      organization: "RR-001",
      status: "decided",
      outcome: { decision: "changed", from: "tsvm", to: "hoan-thanh", decidedAt: expect.stringMatching(/^\d{4}-/) },
    });
  });

  it("regroups summaries by the current rating, equal to a recount, and opens no new case on the views behind the change", async () => {
    const period = await findPublishedPeriod({ code: "2011" });
    const rows = (await getSummary({ period: period!, groupBy: "rating", lang: "vi" })).rows;
    expect(rows.find((row) => row.key === "hoan-thanh")).toMatchObject({ organizations: 1, agree: 2, disagree: 8 });
    expect(rows.find((row) => row.key === "tsvm")).toMatchObject({ organizations: 1, agree: 3, disagree: 8 });
    expect(await recountCounters({ period: "2011" })).toMatchObject({ drifts: [], repaired: 0 });
    // The new rating version is judged on views given after the revision: none yet.
    expect(await openDueReviews()).toBe(0);
    expect(await casesOf(a)).toHaveLength(1);
  });
});

describe("the pages, served as a browser without JavaScript gets them", () => {
  it("render the committee's list, case and dashboard, and the admin's thresholds form", async () => {
    const list = await get("/committee/reviews?period=2011&lng=vi", members[0]!.cookie);
    expect(list.status).toBe(200);
    const listHtml = await list.text();
    expect(listHtml).toContain("Hồ sơ xem xét lại");
    expect(listHtml).toContain("Chi bộ Ấp Bàu Hàm");
    expect(listHtml).toContain("Đổi xếp loại từ Trong sạch vững mạnh thành Hoàn thành nhiệm vụ");

    const open = reviewCaseId(b.evaluationId, 0);
    const casePage = await (await get(`/committee/reviews/${encodeURIComponent(open)}?lng=en`, members[0]!.cookie)).text();
    expect(casePage).toContain("Re-review: Chi bộ Ấp Bàu Hàm");
    expect(casePage).toMatch(/<form method="post"[^>]*>.*Take this case/s);

    const dashboard = await (await get("/committee?period=2011&lng=en", members[0]!.cookie)).text();
    expect(dashboard).toContain("Ratings to re-review");

    const adminPage = await (await get("/admin/periods/2011?lng=en", admin.cookie)).text();
    expect(adminPage).toContain("Re-review thresholds");
    expect(adminPage).toMatch(/name="minLowerBound"[^>]*value="40"|value="40"[^>]*name="minLowerBound"/);
  });

  it("send anonymous visitors to the login page and answer 404 for an unknown case", async () => {
    const anonymous = await get("/committee/reviews");
    expect(anonymous.status).toBe(302);
    expect(anonymous.headers.get("location")).toMatch(/^\/login\?redirectTo=/);
    expect((await get(`/committee/reviews/${encodeURIComponent(`${b.organizationId}:9`)}`, members[0]!.cookie)).status).toBe(404);
  });
});

describe("rules switched off, then on", () => {
  it("opens nothing while both rules are off, and the case at once when an admin turns one on", async () => {
    const off = await callRoute(periodAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: thresholdsForm({ disagreementEnabled: "" }),
    });
    expect(off.status).toBe(302);
    const c = await createRatedOrganization({ code: "RR-003", name: "Chi bộ Ấp Lò Than", period: "2011", rating: "tsvm" });
    await approveAll(await pending(c, "agree", 2));
    await approveAll(await pending(c, "disagree", 9));
    expect(await casesOf(c)).toHaveLength(0);

    const on = await callRoute(periodAction, "/admin/periods/2011", {
      cookie: admin.cookie,
      params: { code: "2011" },
      form: thresholdsForm(),
    });
    expect(on.status).toBe(302);
    expect(await casesOf(c)).toEqual([expect.objectContaining({ status: "open" })]);
    expect(
      await AuditEvent.countDocuments({ action: "review.open", targetId: reviewCaseId(c.evaluationId, 0), actorEmail: admin.email }),
    ).toBe(1);
  });
});
