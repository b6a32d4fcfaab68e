import { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { sweepExpired } from "../../app/utils/rate-limit.server";
import { claimContact, Contact, removeClearContacts, storeContact } from "../../models/feedback/contact.server";
import { contactKeys, openContact, sealContact } from "../../models/feedback/contact-cipher.server";
import { flushMail } from "../../models/feedback/decision-mail.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { withdrawFeedback } from "../../models/feedback/follow-up.server";
import { AlreadyDecided, decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { postFeedback } from "./feedback-call";
import { captureLog, setupHttpApp } from "./http-app";

// Mail is on for this file: a real SMTP server in this process, started before the environment is parsed.
// CONTACT_KEY was rotated: the key it replaced is listed in CONTACT_KEY_PREVIOUS.
const { smtp, retiredKey } = await vi.hoisted(async () => {
  const { startSmtpServer } = await import("../support/smtp");
  const server = await startSmtpServer();
  const [current, retired] = [1, 2].map((fill) => Buffer.alloc(32, fill).toString("base64"));
  Object.assign(process.env, {
    SMTP_URL: server.url,
    PUBLIC_URL: "https://congkhai.example.vn",
    LOG_LEVEL: "info",
    CONTACT_KEY: current,
    CONTACT_KEY_PREVIOUS: retired,
  });
  return { smtp: server, retiredKey: retired! };
});

setupTestDatabase();
const http = setupHttpApp();
const log = captureLog();

let evaluationId: string;
let moderator: Awaited<ReturnType<typeof createStaff>>;

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  evaluationId = (await createRatedOrganization({ code: "TB-001", name: "Chi bộ Ấp Tân Bình", period: "2011" })).evaluationId;
  moderator = await createStaff("moderator");
});
afterAll(() => smtp.close());

/** A resident posts through the API in `lang` and leaves `contact`; returns the comment's id and code. */
async function post(contact: string, lang: "vi" | "en", body = `Ý kiến ${new Types.ObjectId().toHexString()}: chi bộ làm tốt.`) {
  const res = await postFeedback({ evaluation: evaluationId, stance: "agree", body, contact }, { headers: { "accept-language": lang } });
  expect(res.status).toBe(201);
  const trackingCode = String(res.json.trackingCode);
  const link = await FeedbackCode.findById(trackingCode, { feedback: 1 }).lean();
  return { id: String(link!.feedback), trackingCode };
}

describe("the decision e-mail", () => {
  it("sends one message in Vietnamese when a comment is published, then the address is gone", async () => {
    const address = "co.lan.tb@example.vn";
    const item = await post(address, "vi");
    expect(await Contact.exists({ _id: item.id })).toBeTruthy();

    await decideFeedback({ id: item.id, decision: "approve", moderator });
    await flushMail();

    const mails = smtp.mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Ý kiến của bạn đã được đăng");
    expect(mails[0]!.text).toContain("Ý kiến của bạn về kết quả xếp loại năm 2011 của Chi bộ Ấp Tân Bình đã được duyệt và công bố.");
    expect(mails[0]!.text).toContain(`Mã theo dõi: ${item.trackingCode}`);
    expect(mails[0]!.text).toContain(`https://congkhai.example.vn/feedback/${item.trackingCode}?lng=vi`);
    expect(mails[0]!.from).toContain("no-reply@congkhai.example.vn");
    expect(await Contact.exists({ _id: item.id })).toBeNull();
  });

  it("sends one message in English when a comment is rejected, with the reason", async () => {
    const address = "resident.en@example.vn";
    const item = await post(address, "en");

    await decideFeedback({ id: item.id, decision: "reject", reason: "off-topic", note: "internal note, never mailed", moderator });
    await flushMail();

    const mails = smtp.mailsTo(address);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe("Your view was not published");
    expect(mails[0]!.text).toContain("Your view on the 2011 rating of Chi bộ Ấp Tân Bình was not published. Reason: not about the rating.");
    expect(mails[0]!.text).not.toContain("internal note");
    expect(await Contact.exists({ _id: item.id })).toBeNull();
  });

  it("sends one message when two moderators decide at once, and gives the address to one claim of many", async () => {
    const address = "race@example.vn";
    const item = await post(address, "vi");
    const other = await createStaff("moderator");
    const results = await Promise.allSettled([
      decideFeedback({ id: item.id, decision: "approve", moderator }),
      decideFeedback({ id: item.id, decision: "reject", reason: "spam", moderator: other }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    expect(results.find((result) => result.status === "rejected")?.reason).toBeInstanceOf(AlreadyDecided);
    await flushMail();
    expect(smtp.mailsTo(address)).toHaveLength(1);

    const feedbackId = new Types.ObjectId().toHexString();
    await storeContact({ feedbackId, email: "claimed-once@example.vn", locale: "en" });
    const claims = await Promise.all([1, 2, 3, 4].map(() => claimContact({ feedbackId })));
    expect(claims.filter(Boolean)).toEqual([{ email: "claimed-once@example.vn", locale: "en" }]);
  });

  it("sends to the one address typed, even one a mail client would split on its comma", async () => {
    const address = "first,second@example.vn";
    const item = await post(address, "en");
    const before = smtp.received.length;
    await decideFeedback({ id: item.id, decision: "approve", moderator });
    await flushMail();
    // One message, one recipient: the local part quoted, as RFC 5321 writes it.
    expect(smtp.received.slice(before).map((mail) => mail.to)).toEqual([['"first,second"@example.vn']]);
  });

  it("keeps the address sealed: neither the contact nor the comment holds it in clear, and it opens for its own comment only", async () => {
    const address = "sealed.secret@example.vn";
    const item = await post(address, "vi");
    const raw = await Contact.collection.findOne({ _id: new Types.ObjectId(item.id) });
    const comment = await Feedback.collection.findOne({ _id: new Types.ObjectId(item.id) });
    expect(raw).toMatchObject({ locale: "vi", expiresAt: expect.any(Date) });
    for (const text of [JSON.stringify(raw), JSON.stringify(comment)]) expect(text).not.toMatch(/sealed\.secret|example\.vn/);
    expect(openContact({ feedbackId: item.id, sealed: String(raw!.sealed) })).toBe(address);
    expect(openContact({ feedbackId: new Types.ObjectId().toHexString(), sealed: String(raw!.sealed) })).toBeNull();
  });

  it("still mails an address sealed before CONTACT_KEY was rotated, and drops one sealed under a key no longer listed", async () => {
    const rotated = await post("before.rotation@example.vn", "vi");
    const forgotten = await post("forgotten.key@example.vn", "vi");
    // What a server started with only the retired key (or a key since removed) had stored for each comment.
    const sealBy = (key: string, { id }: { id: string }, email: string) =>
      Contact.collection.updateOne(
        { _id: new Types.ObjectId(id) },
        { $set: { sealed: sealContact({ feedbackId: id, email, keys: contactKeys({ CONTACT_KEY: key }) }) } },
      );
    await sealBy(retiredKey, rotated, "before.rotation@example.vn");
    await sealBy(Buffer.alloc(32, 9).toString("base64"), forgotten, "forgotten.key@example.vn");

    await decideFeedback({ id: rotated.id, decision: "approve", moderator });
    await decideFeedback({ id: forgotten.id, decision: "approve", moderator });
    await flushMail();

    expect(smtp.mailsTo("before.rotation@example.vn")).toHaveLength(1);
    expect(smtp.mailsTo("forgotten.key@example.vn")).toHaveLength(0);
    expect(await Contact.exists({ _id: { $in: [rotated.id, forgotten.id] } })).toBeNull();
  });

  it("retries a refused delivery a bounded number of times and never logs the address", async () => {
    const busy = "busy.mailbox@example.vn";
    smtp.refuse(busy, 421, 1);
    const first = await post(busy, "vi");
    const unknown = "no.such.mailbox@example.vn";
    smtp.refuse(unknown, 550, 10);
    const second = await post(unknown, "en");
    log.clear();

    await decideFeedback({ id: first.id, decision: "approve", moderator });
    await decideFeedback({ id: second.id, decision: "approve", moderator });
    await flushMail();

    // 421 is temporary: the second attempt delivers. 550 is permanent: given up at once, address already deleted.
    expect(smtp.mailsTo(busy)).toHaveLength(1);
    expect(smtp.mailsTo(unknown)).toHaveLength(0);
    expect(await Contact.exists({ _id: second.id })).toBeNull();
    const lines = log.lines().join("\n");
    expect(lines).toContain('"message":"decision mail failed; will retry"');
    expect(lines).toContain('"message":"decision mail given up; the address is already deleted"');
    expect(lines).toContain('"responseCode":550');
    expect([busy, unknown, "example.vn"].filter((value) => lines.includes(value))).toEqual([]);
  });
});

describe("retention and migration", () => {
  it("a withdrawn comment's address is deleted at once, and no mail goes out", async () => {
    const address = "withdrawn@example.vn";
    const item = await post(address, "vi");
    expect(await Contact.exists({ _id: item.id })).toBeTruthy();

    await withdrawFeedback({ trackingCode: item.trackingCode });
    await flushMail();

    expect(await Contact.exists({ _id: item.id })).toBeNull();
    expect(smtp.mailsTo(address)).toHaveLength(0);
  });

  it("the periodic sweep deletes addresses past the retention period and keeps the others", async () => {
    const expired = new Types.ObjectId().toHexString();
    const live = new Types.ObjectId().toHexString();
    await storeContact({ feedbackId: expired, email: "old@example.vn", locale: "vi", now: new Date(Date.now() - 31 * 86_400_000) });
    await storeContact({ feedbackId: live, email: "new@example.vn", locale: "vi" });

    await sweepExpired(new Date());

    expect(await Contact.exists({ _id: expired })).toBeNull();
    expect(await claimContact({ feedbackId: live })).toEqual({ email: "new@example.vn", locale: "vi" });
  });

  it("summaries:rebuild --read-models removes clear-text contacts older versions left on comments", async () => {
    const item = await post("ignored@example.vn", "vi");
    await Feedback.collection.updateOne({ _id: new Types.ObjectId(item.id) }, { $set: { contact: "0901234567" } });

    expect(await removeClearContacts()).toBeGreaterThanOrEqual(1);
    expect(await Feedback.collection.countDocuments({ contact: { $exists: true } })).toBe(0);
  });
});

describe("the form with mail on", () => {
  it("asks for an e-mail address and says how long it is kept", async () => {
    const html = await (await fetch(http.url("/organizations/TB-001?lng=en"))).text();
    expect(html).toMatch(/<input[^>]*name="contact"[^>]*type="email"|<input[^>]*type="email"[^>]*name="contact"/);
    expect(html).toContain("an address still unused after 30 days is deleted");
    expect(html).not.toContain("This site sends no e-mail");
  });
});
