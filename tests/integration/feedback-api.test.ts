import { beforeAll, describe, expect, it } from "vitest";
import { loader as trackingLoader } from "../../app/routes/api.v1.feedback.$trackingCode";
import { loader as feedbackGet } from "../../app/routes/api.v1.feedback";
import { Feedback } from "../../models/feedback/feedback.server";
import { searchKey } from "../../models/lib/text";
import { forgetWords, WordList } from "../../models/feedback/word-list.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { newClientKey, pendingCount, postFeedback, storedCount } from "./feedback-call";
import { callLoader } from "./route-call";

setupTestDatabase();

const DAY = 86_400_000;
let open: string;
let closed: string;
let notYet: string;

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  await createPeriod({
    code: "2010",
    status: "closed",
    commentsOpenAt: new Date(Date.now() - 200 * DAY),
    commentsCloseAt: new Date(Date.now() - 100 * DAY),
  });
  await createPeriod({ code: "2012", commentsOpenAt: new Date(Date.now() + 5 * DAY), commentsCloseAt: new Date(Date.now() + 95 * DAY) });
  open = (await createRatedOrganization({ code: "A1", name: "Chi bộ ấp 1", period: "2011" })).evaluationId;
  closed = (await createRatedOrganization({ code: "A2", name: "Chi bộ ấp 2", period: "2010" })).evaluationId;
  notYet = (await createRatedOrganization({ code: "A3", name: "Chi bộ ấp 3", period: "2012" })).evaluationId;
});

/** POST /api/v1/feedback about the evaluation whose period takes comments now. */
const postOnOpen = (fields: Record<string, unknown>, options?: Parameters<typeof postFeedback>[1]) =>
  postFeedback({ evaluation: open, ...fields }, options);

async function track(code: string) {
  const response = await callLoader(trackingLoader, `/api/v1/feedback/${code}`, { trackingCode: code });
  const text = await response.text();
  return { status: response.status, text, json: JSON.parse(text) as Record<string, unknown> };
}

describe("POST /api/v1/feedback", () => {
  it("stores valid feedback as pending, answers 201 with a tracking code, raises pending by one and never echoes the contact", async () => {
    const before = await pendingCount(open);
    const res = await postOnOpen({
      stance: "agree",
      body: "  Chi bộ làm tốt công tác dân vận.  ",
      displayName: "Cô Lan",
      contact: "lan.nguyen@example.vn",
      isResident: true,
    });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json).sort()).toEqual(["status", "trackingCode"]);
    expect(res.json.status).toBe("pending");
    expect(res.json.trackingCode).toMatch(/^[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$/);
    expect(res.text).not.toContain("lan.nguyen");
    expect(await pendingCount(open)).toBe(before + 1);

    const stored = await Feedback.findOne({ trackingCode: String(res.json.trackingCode) }).lean();
    expect(stored).toMatchObject({
      status: "pending",
      body: "Chi bộ làm tốt công tác dân vận.",
      isResident: true,
      locale: "en",
      flags: [],
    });
    // Without SMTP_URL the address serves nothing, so it is kept nowhere (tests/integration/notify.test.ts has mail on).
    expect(JSON.stringify(stored)).not.toContain("lan.nguyen");

    const tracked = await track(String(res.json.trackingCode).toLowerCase().replace(/-/g, ""));
    expect(tracked.status).toBe(200);
    expect(tracked.json).toMatchObject({
      trackingCode: res.json.trackingCode,
      status: "pending",
      rejectReason: null,
      stance: "agree",
      period: "2011",
      organization: { code: "A1", name: "Chi bộ ấp 1" },
    });
    expect(tracked.json).not.toHaveProperty("contact");
    expect(tracked.text).not.toContain("lan.nguyen");
  });

  it("never obeys client-chosen fields such as status, flags or tracking code", async () => {
    const res = await postOnOpen({
      stance: "neutral",
      body: "Tôi chưa có ý kiến rõ ràng.",
      status: "approved",
      flags: [{ kind: "x" }],
      trackingCode: "AAAA-AAAA-AA",
    });
    expect(res.status).toBe(201);
    expect(res.json.trackingCode).not.toBe("AAAA-AAAA-AA");
    const stored = await Feedback.findOne({ trackingCode: String(res.json.trackingCode) }, { status: 1, flags: 1 }).lean();
    expect(stored).toMatchObject({ status: "pending", flags: [] });
  });

  const bad: [string, unknown, number, string][] = [
    ["an empty object", {}, 400, "invalid_input"],
    ["an empty body", { evaluation: "x", stance: "agree", body: "   " }, 400, "invalid_input"],
    ["an over-long body", { stance: "agree", body: "á".repeat(2001) }, 400, "invalid_input"],
    ["a wrong stance", { stance: "maybe", body: "Ý kiến" }, 400, "invalid_input"],
    ["a wrong type", { stance: "agree", body: 12345 }, 400, "invalid_input"],
    ["an operator injection", { evaluation: { $gt: "" }, stance: "agree", body: "Ý kiến" }, 400, "invalid_input"],
    ["an unknown evaluation", { evaluation: "65a1b2c3d4e5f60718293a4b", stance: "agree", body: "Ý kiến" }, 404, "evaluation_not_found"],
    ["a proposed rating not on the scale", { stance: "disagree", proposedRating: "xuat-sac-nhat", body: "Ý kiến" }, 400, "invalid_input"],
    ["a disagreement without a proposed rating", { stance: "disagree", body: "Ý kiến" }, 400, "invalid_input"],
    ["a filled honeypot", { stance: "agree", body: "Ý kiến", website: "http://spam.example" }, 400, "spam_suspected"],
    ["non-JSON text", "stance=agree&body=hello", 400, "invalid_json"],
    ["a JSON array", [{ stance: "agree" }], 400, "invalid_json"],
  ];
  it.each(bad)("refuses %s with a JSON error and stores nothing", async (_label, body, status, code) => {
    const [before, stored] = [await pendingCount(open), await storedCount(open)];
    const input = typeof body === "object" && body !== null && !Array.isArray(body) ? { evaluation: open, ...body } : body;
    const res = await postFeedback(input);
    expect(res.status).toBe(status);
    expect(res.json.error?.code).toBe(code);
    expect(res.json.error?.message).toEqual(expect.any(String));
    expect(await pendingCount(open)).toBe(before);
    expect(await storedCount(open)).toBe(stored);
  });

  it("names the offending field in the visitor's language", async () => {
    const en = await postOnOpen({ stance: "agree", body: "" });
    expect(en.json.error?.fields).toEqual({ body: "Please write a comment (at least 1 character)." });
    const vi = await postOnOpen({ stance: "agree", body: "" }, { headers: { "accept-language": "vi" } });
    expect(vi.json.error?.fields).toEqual({ body: "Hãy viết nhận xét (ít nhất 1 ký tự)." });
  });

  it("refuses a body that is not sent as JSON with 415", async () => {
    const res = await postFeedback("evaluation=x", { headers: { "content-type": "application/x-www-form-urlencoded" } });
    expect(res.status).toBe(415);
    expect(res.json.error?.code).toBe("unsupported_media_type");
  });

  it("refuses the same text twice on one evaluation, whatever its case or diacritics", async () => {
    const first = await postOnOpen({
      stance: "disagree",
      proposedRating: "hoan-thanh",
      body: "Chi bộ chưa xứng đáng loại trong sạch vững mạnh.",
    });
    expect(first.status).toBe(201);
    const stored = await storedCount(open);
    const again = await postOnOpen({ stance: "agree", body: "CHI BO CHUA XUNG DANG LOAI TRONG SACH VUNG MANH." });
    expect(again.status).toBe(409);
    expect(again.json.error?.code).toBe("duplicate");
    expect(await storedCount(open)).toBe(stored);
  });

  it("enforces the period's comment window with a clear message", async () => {
    const after = await postFeedback({ evaluation: closed, stance: "agree", body: "Muộn rồi" });
    expect(after.status).toBe(403);
    expect(after.json.error).toMatchObject({ code: "comments_closed", message: expect.stringContaining("closed") });
    const before = await postFeedback({ evaluation: notYet, stance: "agree", body: "Sớm quá" });
    expect(before.status).toBe(403);
    expect(before.json.error).toMatchObject({ code: "comments_not_open", message: expect.stringContaining("open on") });
    expect((await storedCount(closed)) + (await storedCount(notYet))).toBe(0);
  });

  it("answers a burst from one address with 429 and Retry-After, storing nothing more", async () => {
    const clientKey = newClientKey();
    for (let i = 0; i < 5; i++) {
      expect((await postOnOpen({ stance: "agree", body: `Ý kiến số ${i} về chi bộ` }, { clientKey })).status).toBe(201);
    }
    const stored = await storedCount(open);
    const res = await postOnOpen({ stance: "agree", body: "Ý kiến thứ sáu" }, { clientKey });
    expect(res.status).toBe(429);
    expect(res.json.error?.code).toBe("rate_limited");
    const retryAfter = Number(res.headers.get("Retry-After"));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(600);
    expect(await storedCount(open)).toBe(stored);
    expect((await postOnOpen({ stance: "agree", body: "Người khác gửi" })).status).toBe(201);
  });

  it("flags personal data for moderators and masks it in what is shown", async () => {
    const res = await postOnOpen({ stance: "agree", body: "Gọi tôi 0912 345 678 hoặc thư a@b.vn, CCCD 079123456789." });
    const stored = await Feedback.findOne({ trackingCode: String(res.json.trackingCode) }, { flags: 1, publicBody: 1 }).lean();
    expect(stored?.flags.map((flag) => flag.kind)).toEqual(["email", "phone", "id-number"]);
    expect(stored?.publicBody).toBe("Gọi tôi ••• hoặc thư •••, CCCD •••.");
    const tracked = await track(String(res.json.trackingCode));
    expect(tracked.json.publicBody).toBe("Gọi tôi ••• hoặc thư •••, CCCD •••.");
  });

  it("flags listed words from the built-in lists until the word list has entries of its own", async () => {
    // A refused or crashed post must fail here, not read as "no flags".
    const flagsOf = async (body: string) => {
      const res = await postOnOpen({ stance: "agree", body });
      expect(res.status).toBe(201);
      const stored = await Feedback.findOne({ trackingCode: String(res.json.trackingCode) }, { flags: 1 }).lean();
      expect(stored).not.toBeNull();
      return stored!.flags;
    };
    expect(await flagsOf("Bon nay deo lam gi")).toEqual([{ kind: "banned-word", detail: "đéo" }]);
    await WordList.create({ word: "bè phái", searchKey: searchKey("bè phái"), list: "suspect", lang: "vi" });
    forgetWords(); // written directly, not through the admin edits that forget the cached lists
    expect(await flagsOf("Chi bộ có tình trạng be phai")).toEqual([{ kind: "suspect-word", detail: "bè phái" }]);
    expect(await flagsOf("Bọn này đéo làm gì thật")).toEqual([]);
    await WordList.deleteMany({});
    forgetWords();
  });

  it("answers 405 to GET and a JSON 404 to an unknown tracking code", async () => {
    const get = await callLoader(feedbackGet, "/api/v1/feedback");
    expect(get.status).toBe(405);
    const unknown = await track("ZZZZ-ZZZZ-ZZ");
    expect(unknown.status).toBe(404);
    expect(unknown.json).toMatchObject({ error: { code: "not_found" } });
  });
});
