import { beforeAll, describe, expect, it } from "vitest";
import { Feedback } from "../../models/feedback/feedback.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";
import { FORMAT } from "../fixtures/format-characters";

/** A comment hiding personal data behind invisible and look-alike characters, through the real intake to the public page. */
setupTestDatabase();
const http = setupHttpApp();

const BODY = "Bí thư chi bộ nhận tiền, gọi 0912\u200b345\u200b678 hoặc ０９８７６５４３２１ mà hỏi. \u202eKết luận: không xứng đáng.";

let evaluation = "";
beforeAll(async () => {
  await createPeriod({ code: "2011" });
  evaluation = (await createRatedOrganization({ code: "HC-001", name: "Chi bộ Ấp Tân Hạnh", period: "2011" })).evaluationId;
});

const post = (body: string) =>
  fetch(http.url("/api/v1/feedback"), {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", "x-forwarded-for": "198.51.100.61" },
    body: JSON.stringify({ evaluation, stance: "disagree", proposedRating: "hoan-thanh", body, displayName: "Người\u202e dân" }),
  });

describe("hidden characters, from the intake to the public page", () => {
  it("stores the text without format characters, shows no phone number in any disguise, and isolates the words in <bdi>", async () => {
    const created = await post(BODY);
    expect(created.status).toBe(201);
    const { trackingCode } = (await created.json()) as { trackingCode: string };

    const stored = await Feedback.findOne({ trackingCode }, { body: 1, publicBody: 1, displayName: 1, flags: 1 }).lean();
    for (const text of [stored!.body, stored!.publicBody, stored!.displayName!])
      for (const hidden of FORMAT) expect(text).not.toContain(hidden);
    expect(stored!.flags.filter((flag) => flag.kind === "phone")).toHaveLength(2);

    const moderator = await createStaff("moderator");
    await decideFeedback({
      id: String(stored!._id),
      decision: "approve",
      moderator: { id: moderator.id, email: moderator.email, role: "moderator" },
    });

    for (const path of ["/organizations/HC-001", `/feedback/${trackingCode}`]) {
      const html = await (await fetch(http.url(path))).text();
      expect(html, path).toContain("Kết luận: không xứng đáng.");
      for (const digits of ["0912", "0987", "０９８７"]) expect(html, `${path}: ${digits}`).not.toContain(digits);
      for (const hidden of FORMAT) expect(html, `${path}: U+${hidden.codePointAt(0)!.toString(16)}`).not.toContain(hidden);
      expect(html, path).toMatch(/<bdi>Bí thư chi bộ nhận tiền, gọi ••• hoặc ••• mà hỏi\. Kết luận: không xứng đáng\.<\/bdi>/);
    }
    const page = await (await fetch(http.url("/organizations/HC-001"))).text();
    expect(page).toContain("<bdi>Người dân</bdi>");
  });

  it("refuses the same comment again with only invisible or fullwidth differences", async () => {
    const base = "Chi bộ ấp Tân Hạnh làm tốt việc dân vận, tôi đồng ý giữ nguyên.";
    expect((await post(base)).status).toBe(201);
    expect((await post(base.replace(/ /g, " \u200b"))).status).toBe(409);
    expect((await post(base.replace("Tân", "Ｔâｎ"))).status).toBe(409);
    expect((await post(`\u202e${base}`)).status).toBe(409);
  });

  it("keeps an organization's official reply free of format characters too, and isolates it", async () => {
    const account = await createStaff("organization", undefined, "HC-001");
    const res = await fetch(http.url(`/api/v1/evaluations/${evaluation}/reply`), {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: account.cookie, "accept-language": "en" },
      body: JSON.stringify({ body: "Chi bộ xin tiếp thu\u202e ý kiến\u200b của bà con." }),
    });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { body: string }).body).toBe("Chi bộ xin tiếp thu ý kiến của bà con.");
    const page = await (await fetch(http.url("/organizations/HC-001"))).text();
    expect(page).toContain("<bdi>Chi bộ xin tiếp thu ý kiến của bà con.</bdi>");
  });
});
