import { Types } from "mongoose";
import { beforeAll, describe, expect, it } from "vitest";
import { env } from "../../app/utils/env.server";
import { Contact } from "../../models/feedback/contact.server";
import { flushMail } from "../../models/feedback/decision-mail.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { postFeedback } from "./feedback-call";
import { setupHttpApp } from "./http-app";

// The counterpart of notify.test.ts: SMTP_URL unset, as in the test environment by default.
setupTestDatabase();
const http = setupHttpApp();

let evaluationId: string;

beforeAll(async () => {
  if (env().SMTP_URL) throw new Error("this file needs SMTP_URL unset");
  await createPeriod({ code: "2011" });
  evaluationId = (await createRatedOrganization({ code: "KM-001", name: "Chi bộ Ấp Không Mail", period: "2011" })).evaluationId;
});

describe("without SMTP_URL", () => {
  it("the form asks for no e-mail address and says plainly that none would be used", async () => {
    const vi = await (await fetch(http.url("/organizations/KM-001?lng=vi"))).text();
    const en = await (await fetch(http.url("/organizations/KM-001?lng=en"))).text();
    expect(vi).toContain("Trang này không gửi email nên không hỏi và không lưu địa chỉ email nào");
    expect(en).toContain("This site sends no e-mail, so it asks for no e-mail address and keeps none");
    for (const html of [vi, en]) expect(html).not.toContain('name="contact"');
  });

  it("stores no address sent anyway, and a decision sends nothing", async () => {
    const address = "khong.dung@example.vn";
    const res = await postFeedback({ evaluation: evaluationId, stance: "agree", body: "Chi bộ họp dân đều đặn.", contact: address });
    expect(res.status).toBe(201);
    const link = await FeedbackCode.findById(String(res.json.trackingCode), { feedback: 1 }).lean();
    const id = String(link!.feedback);
    expect(await Contact.countDocuments({})).toBe(0);
    expect(JSON.stringify(await Feedback.collection.findOne({ _id: new Types.ObjectId(id) }))).not.toContain(address);

    await decideFeedback({ id, decision: "approve", moderator: await createStaff("moderator") });
    await flushMail();
    expect(await Contact.countDocuments({})).toBe(0);
  });
});
