import { beforeAll, describe, expect, it } from "vitest";
import { loader as trackingPage } from "../../app/routes/feedback.$trackingCode";
import { action as organizationAction, loader as organizationPage } from "../../app/routes/organizations.$code";
import type { FeedbackActionData } from "../../app/utils/feedback.server";
import { reviseRating } from "../../models/catalog/rating-revision.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { newClientKey, pendingCount, postFeedback } from "./feedback-call";
import { setupHttpApp } from "./http-app";
import { callLoader, thrownBy } from "./route-call";

setupTestDatabase();
const http = setupHttpApp();

let target: { evaluationId: string; organizationId: string };

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  target = await createRatedOrganization({ code: "P1", name: "Chi bộ ấp Bến Gỗ", period: "2011" });
});

async function submitForm(fields: Record<string, string>, lang = "vi") {
  const form = new URLSearchParams({ evaluation: target.evaluationId, ...fields });
  const request = new Request(`http://localhost/organizations/P1?lng=${lang}`, {
    method: "POST",
    body: form,
    headers: { "content-type": "application/x-www-form-urlencoded" },
  });
  return organizationAction({ request, params: { code: "P1" }, context: { cspNonce: "", requestId: "t", clientKey: newClientKey() } });
}

/** The page action's refusal: data() carries the status and what the form re-renders with. */
function refusal(value: unknown): { status: number | undefined; data: FeedbackActionData } {
  const result = value as { data: FeedbackActionData; init: { status?: number } | null };
  return { status: result.init?.status, data: result.data };
}

describe("the organization page's feedback form", () => {
  it("re-renders a refused form with every typed value and translated errors beside the fields", async () => {
    const typed = { stance: "disagree", body: "", displayName: "Bác Tư <b>", contact: "không có", isResident: "on" };
    const { status, data } = refusal(await submitForm(typed));
    expect(status).toBe(400);
    expect(data.fields).toEqual({
      proposedRating: "Khi không đồng tình, hãy chọn mức xếp loại bạn đề xuất.",
      body: "Hãy viết nhận xét (ít nhất 1 ký tự).",
      contact: "Hãy nhập một địa chỉ email hợp lệ, hoặc để trống ô này.",
    });
    expect(data.values).toEqual({
      evaluation: target.evaluationId,
      stance: "disagree",
      proposedRating: "",
      body: "",
      displayName: "Bác Tư <b>",
      contact: "không có",
      isResident: true,
    });
    const en = refusal(await submitForm({ stance: "agree", body: "" }, "en"));
    expect(en.data.fields.body).toBe("Please write a comment (at least 1 character).");
  });

  it("stores a valid view and sends the resident to its tracking page (303)", async () => {
    const before = await pendingCount(target.evaluationId);
    const response = (await submitForm({
      stance: "disagree",
      proposedRating: "hoan-thanh",
      body: "Chi bộ còn để tồn đọng nhiều việc.",
      isResident: "on",
    })) as Response;
    expect(response.status).toBe(303);
    const location = response.headers.get("Location") ?? "";
    expect(location).toMatch(/^\/feedback\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\?new=1$/);
    expect(await pendingCount(target.evaluationId)).toBe(before + 1);
    const code = location.slice("/feedback/".length, location.indexOf("?"));
    const page = (await callLoader(trackingPage, location, { trackingCode: code })) as unknown as {
      data: { tracking: { status: string }; justSent: boolean };
    };
    expect(page.data).toMatchObject({ justSent: true, tracking: { status: "pending", stance: "disagree", proposedRating: "hoan-thanh" } });
  });

  it("answers an unknown tracking code with a 404 page", async () => {
    const thrown = await thrownBy(Promise.resolve(callLoader(trackingPage, "/feedback/ZZZZ-ZZZZ-ZZ", { trackingCode: "ZZZZ-ZZZZ-ZZ" })));
    expect(thrown.status).toBe(404);
  });
});

describe("approved feedback in public", () => {
  beforeAll(async () => {
    const moderator = await createStaff("moderator");
    for (let i = 0; i < 5; i++) {
      const res = await postFeedback({
        evaluation: target.evaluationId,
        stance: i % 2 ? "agree" : "disagree",
        proposedRating: "hoan-thanh",
        body: `Công khai số ${i}, gọi 0912345678`,
        displayName: i === 0 ? '<script>alert("x")</script>' : undefined,
        contact: "private@example.vn",
      });
      const item = await Feedback.findOne({ trackingCode: String(res.json.trackingCode) }, { _id: 1 }).lean();
      // Decided the way moderators decide, so the organization's published list follows.
      await decideFeedback({
        id: String(item!._id),
        ...(i === 4 ? { decision: "reject", reason: "abuse" } : { decision: "approve" }),
        moderator,
      });
    }
  });

  it("lists approved items newest first, page by page, masked and without contacts", async () => {
    const first = await listApprovedFeedback({ evaluationIds: [target.evaluationId], limit: 3 });
    expect(first.items.map((item) => item.body)).toEqual(["Công khai số 3, gọi •••", "Công khai số 2, gọi •••", "Công khai số 1, gọi •••"]);
    expect(JSON.stringify(first)).not.toContain("private@example.vn");
    const second = await listApprovedFeedback({ evaluationIds: [target.evaluationId], limit: 3, cursor: first.nextCursor });
    expect(second.items.map((item) => item.body)).toEqual(["Công khai số 0, gọi •••"]);
    expect(second.items[0]).toMatchObject({ displayName: '<script>alert("x")</script>', stance: "disagree", proposedRating: "hoan-thanh" });
    expect(second.nextCursor).toBeNull();
  });

  it("puts the list on the organization page with its own cursor parameter", async () => {
    const page = (await callLoader(organizationPage, "/organizations/P1", { code: "P1" })) as unknown as {
      feedback: { list: { items: unknown[]; nextHref: string | null }; windows: Record<string, string> };
    };
    expect(page.feedback.windows[target.evaluationId]).toBe("open");
    expect(page.feedback.list.items).toHaveLength(4);
    const bad = await thrownBy(Promise.resolve(callLoader(organizationPage, "/organizations/P1?feedbackCursor=garbage", { code: "P1" })));
    expect(bad.status).toBe(400);
  });

  it("tells the author of a rejected item the reason category", async () => {
    const rejected = await Feedback.findOne({ status: "rejected" }, { trackingCode: 1 }).lean();
    const page = (await callLoader(trackingPage, `/feedback/${rejected?.trackingCode}`, {
      trackingCode: rejected?.trackingCode ?? "",
    })) as unknown as { data: { tracking: unknown } };
    expect(page.data.tracking).toMatchObject({ status: "rejected", rejectReason: "abuse" });
  });
});

describe("the tracking page after a committee revises the rating", () => {
  /** The tracking page's text as a resident reads it (tags dropped), and the JSON of the same code. */
  const trackingPageText = async (code: string, lang: "vi" | "en") => {
    const response = await fetch(http.url(`/feedback/${code}?lng=${lang}`));
    expect(response.status).toBe(200);
    return (await response.text()).replace(/<[^>]+>/g, " ").replace(/\s+/g, " ");
  };
  const trackingJson = async (code: string) => (await fetch(http.url(`/api/v1/feedback/${code}`))).json();

  it("shows a disagreeing resident the rating they proposed, in vi and en", async () => {
    const target = await createRatedOrganization({ code: "P3", name: "Chi bộ ấp Tân Hòa", period: "2011", rating: "tsvm" });
    const sent = await postFeedback({
      evaluation: target.evaluationId,
      stance: "disagree",
      proposedRating: "hoan-thanh",
      body: "Còn chậm.",
    });
    const code = String(sent.json.trackingCode);
    expect(await trackingPageText(code, "en")).toContain("Proposed rating Completed tasks");
    expect(await trackingPageText(code, "vi")).toContain("Đề xuất xếp loại Hoàn thành nhiệm vụ");
  });

  it("names the rating the view was given on and, once revised, the rating it has now, in vi and en and in the JSON", async () => {
    const committee = await createStaff("committee");
    const revised = await createRatedOrganization({ code: "P2", name: "Chi bộ ấp Tân Mỹ", period: "2011", rating: "tsvm" });
    const sent = await postFeedback({ evaluation: revised.evaluationId, stance: "agree", body: "Chi bộ làm tốt việc dân cần." });
    const code = String(sent.json.trackingCode);

    expect(await trackingJson(code)).toMatchObject({ ratingGiven: "tsvm", currentRating: "tsvm", ratingRevisedAt: null });
    const before = await trackingPageText(code, "en");
    expect(before).toContain("Rating when you sent your view Clean and strong");
    expect(before).not.toContain("since been revised");

    const revisedAt = (
      await reviseRating({ evaluationId: revised.evaluationId, to: "hoan-thanh", note: "", caseId: "P2:0", actor: committee.id })
    ).revisedAt.toISOString();
    expect(await trackingJson(code)).toMatchObject({ ratingGiven: "tsvm", currentRating: "hoan-thanh", ratingRevisedAt: revisedAt });
    const en = await trackingPageText(code, "en");
    expect(en).toContain("Rating when you sent your view Clean and strong");
    expect(en).toMatch(/The rating has since been revised to “Completed tasks” on \d[^.]*\./);
    const vi = await trackingPageText(code, "vi");
    expect(vi).toContain("Xếp loại khi gửi ý kiến Trong sạch vững mạnh");
    expect(vi).toMatch(/Sau đó xếp loại đã được điều chỉnh thành “Hoàn thành nhiệm vụ” ngày \d[^.]*\./);
  });
});
