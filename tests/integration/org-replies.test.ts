import mongoose from "mongoose";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { User } from "../../models/accounts/user.server";
import { Reply, ReplyVersion } from "../../models/replies/reply.server";
import { replyVersions } from "../../models/replies/replies.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { runScript } from "../support/run-script";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

let own: { evaluationId: string };
let other: { evaluationId: string };
let account: { id: string; cookie: string };
let moderator: { cookie: string };

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  own = await createRatedOrganization({ code: "RP-001", name: "Chi bộ Khu phố Phản hồi", period: "2011" });
  other = await createRatedOrganization({ code: "RP-002", name: "Chi bộ Ấp Bên cạnh", period: "2011" });
  account = await createStaff("organization", "rp-001@example.vn", "RP-001");
  moderator = await createStaff("moderator");
});

function putReply(
  evaluationId: string,
  body: unknown,
  { cookie, lang = "vi", raw }: { cookie?: string; lang?: string; raw?: string } = {},
) {
  return fetch(http.url(`/api/v1/evaluations/${evaluationId}/reply`), {
    method: "PUT",
    headers: { "content-type": "application/json", "accept-language": lang, ...(cookie ? { cookie } : {}) },
    body: raw ?? JSON.stringify(body),
  });
}

async function publicPage(code: string) {
  const response = await fetch(http.url(`/organizations/${code}`), { headers: { "accept-language": "en" } });
  return response.text();
}

async function apiEvaluation(code: string) {
  const response = await fetch(http.url(`/api/v1/organizations/${code}`));
  const json = (await response.json()) as { evaluations: { id: string; reply: { body: string; updatedAt: string } | null }[] };
  return json.evaluations[0]!;
}

describe("PUT /api/v1/evaluations/:id/reply", () => {
  it("refuses anonymous (401), another organization's evaluation (403) and staff (403), writing nothing", async () => {
    const anonymous = await putReply(own.evaluationId, { body: "Xin cảm ơn" });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ error: { code: "unauthorized" } });

    const foreign = await putReply(other.evaluationId, { body: "Trả lời hộ" }, { cookie: account.cookie });
    expect(foreign.status).toBe(403);
    expect(await foreign.json()).toMatchObject({ error: { code: "forbidden" } });

    const staff = await putReply(own.evaluationId, { body: "Trả lời hộ" }, { cookie: moderator.cookie });
    expect(staff.status).toBe(403);
    expect(await Reply.countDocuments({})).toBe(0);
  });

  it("refuses an empty, an over-long or a non-JSON body with a translated 400", async () => {
    const empty = await putReply(own.evaluationId, { body: "   " }, { cookie: account.cookie, lang: "en" });
    expect(empty.status).toBe(400);
    expect(await empty.json()).toMatchObject({ error: { code: "invalid_input", fields: { body: "Write the reply." } } });
    const long = await putReply(own.evaluationId, { body: "x".repeat(2001) }, { cookie: account.cookie, lang: "vi" });
    expect(await long.json()).toMatchObject({ error: { fields: { body: "Phản hồi tối đa 2.000 ký tự." } } });
    const broken = await putReply(own.evaluationId, null, { cookie: account.cookie, raw: "{body" });
    expect(broken.status).toBe(400);
    expect(await Reply.countDocuments({})).toBe(0);
  });

  it("publishes the reply (200 {body, updatedAt}) and residents see it at once on the cached page and in the API", async () => {
    expect(await publicPage("RP-001")).not.toContain("Official reply of the organization");
    const response = await putReply(
      own.evaluationId,
      { body: "  Chi bộ xin tiếp\u200b thu ý kiến của bà con.  " },
      { cookie: account.cookie },
    );
    expect(response.status).toBe(200);
    const saved = (await response.json()) as { body: string; updatedAt: string };
    expect(saved).toEqual({ body: "Chi bộ xin tiếp thu ý kiến của bà con.", updatedAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) });

    const html = await publicPage("RP-001");
    expect(html).toContain("Official reply of the organization");
    expect(html).toContain("Chi bộ xin tiếp thu ý kiến của bà con.");
    expect(await apiEvaluation("RP-001")).toMatchObject({ reply: saved });
    expect(await apiEvaluation("RP-002")).toMatchObject({ reply: null });
  });

  it("keeps every earlier version and audits who changed what", async () => {
    await putReply(own.evaluationId, { body: "Bản thứ hai: chi bộ đã họp kiểm điểm." }, { cookie: account.cookie });
    await putReply(own.evaluationId, { body: "Bản thứ ba: kết quả kiểm điểm đã công khai." }, { cookie: account.cookie });
    const versions = await replyVersions({ evaluationId: own.evaluationId });
    expect(versions.map((version) => version.body)).toEqual([
      "Chi bộ xin tiếp thu ý kiến của bà con.",
      "Bản thứ hai: chi bộ đã họp kiểm điểm.",
    ]);
    expect(await ReplyVersion.countDocuments({})).toBe(2);
    expect(await Reply.findById(own.evaluationId, { body: 1, version: 1 }).lean()).toMatchObject({
      body: "Bản thứ ba: kết quả kiểm điểm đã công khai.",
      version: 3,
    });

    const events = await AuditEvent.find(
      { targetType: "reply", targetId: own.evaluationId },
      { action: 1, actorEmail: 1, before: 1, after: 1 },
    )
      .sort({ createdAt: 1, _id: 1 })
      .lean();
    expect(events.map((event) => event.action)).toEqual(["reply.publish", "reply.edit", "reply.edit"]);
    expect(events.map((event) => event.actorEmail)).toEqual(Array(3).fill("rp-001@example.vn"));
    expect(events[2]).toMatchObject({
      before: { body: "Bản thứ hai: chi bộ đã họp kiểm điểm." },
      after: { body: "Bản thứ ba: kết quả kiểm điểm đã công khai." },
    });
  });

  it("saves through the page form without JavaScript and redirects back to the reply", async () => {
    const response = await fetch(http.url("/organizations/RP-001"), {
      method: "POST",
      redirect: "manual",
      headers: { cookie: account.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "reply", evaluation: own.evaluationId, body: "Gửi từ biểu mẫu trên trang." }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("location")).toBe(`/organizations/RP-001?reply=saved#reply-${own.evaluationId}`);
    expect((await apiEvaluation("RP-001")).reply?.body).toBe("Gửi từ biểu mẫu trên trang.");

    const foreign = await fetch(http.url("/organizations/RP-002"), {
      method: "POST",
      headers: { cookie: account.cookie, "content-type": "application/x-www-form-urlencoded", "accept-language": "en" },
      body: new URLSearchParams({ intent: "reply", evaluation: other.evaluationId, body: "Trả lời hộ" }),
    });
    expect(foreign.status).toBe(403);
    expect(await Reply.exists({ _id: other.evaluationId })).toBeNull();
  });
});

describe("moderators hide a reply", () => {
  it("hides it with a reason: gone from page and API, counted in the transparency line, audited", async () => {
    const response = await fetch(http.url("/moderation/replies"), {
      method: "POST",
      headers: { cookie: moderator.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "hide", evaluation: own.evaluationId, reason: "off-topic", note: "không liên quan" }),
    });
    expect(response.status).toBe(200);
    expect(await apiEvaluation("RP-001")).toMatchObject({ reply: null });
    const html = await publicPage("RP-001");
    expect(html).not.toContain("Gửi từ biểu mẫu trên trang.");
    expect(html).toContain("1 official reply of the organization was hidden by moderators: 1 off-topic.");
    expect(
      await AuditEvent.exists({ action: "reply.hide", targetId: own.evaluationId, reason: "off-topic", note: "không liên quan" }),
    ).not.toBeNull();
  });

  it("refuses a hide without a reason, and restores it", async () => {
    const noReason = await fetch(http.url("/moderation/replies"), {
      method: "POST",
      headers: { cookie: moderator.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "hide", evaluation: other.evaluationId }),
    });
    expect(noReason.status).toBe(400);
    const restored = await fetch(http.url("/moderation/replies"), {
      method: "POST",
      headers: { cookie: moderator.cookie, "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ intent: "restore", evaluation: own.evaluationId }),
    });
    expect(restored.status).toBe(200);
    expect((await apiEvaluation("RP-001")).reply?.body).toBe("Gửi từ biểu mẫu trên trang.");
  });

  it("keeps the organization account out of staff pages", async () => {
    for (const page of ["/moderation", "/moderation/replies", "/admin", "/committee"]) {
      const response = await fetch(http.url(page), { headers: { cookie: account.cookie }, redirect: "manual" });
      expect({ page, status: response.status }).toEqual({ page, status: 403 });
    }
  });
});

describe("admins invite an organization account", () => {
  async function adminPost(fields: Record<string, string>) {
    const admin = await createStaff("admin");
    return fetch(http.url("/admin/users"), {
      method: "POST",
      headers: { cookie: admin.cookie, "content-type": "application/x-www-form-urlencoded", "accept-language": "en" },
      body: new URLSearchParams({ intent: "invite", ...fields }),
    });
  }

  it("binds the invited account to the organization chosen", async () => {
    const response = await adminPost({ email: "invited@example.vn", role: "organization", organization: "RP-001" });
    expect(response.status).toBe(200);
    expect(await User.findOne({ email: "invited@example.vn" }, { role: 1, organization: 1 }).lean()).toMatchObject({
      role: "organization",
      organization: "RP-001",
    });
  });

  it("never turns an organization account into staff from the role form", async () => {
    const response = await adminPost({ intent: "role", userId: account.id, role: "moderator" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Organization accounts keep their role; invite a new account instead.");
    expect(await User.findById(account.id, { role: 1 }).lean()).toMatchObject({ role: "organization" });
  });

  it("refuses an unknown or missing organization with a translated message and writes nothing", async () => {
    const unknown = await adminPost({ email: "ghost@example.vn", role: "organization", organization: "NO-SUCH" });
    expect(unknown.status).toBe(400);
    expect(await unknown.text()).toContain("There is no organization with code NO-SUCH.");
    const missing = await adminPost({ email: "ghost@example.vn", role: "organization", organization: "" });
    expect(await missing.text()).toContain("An organization account needs the code of its organization.");
    expect(await User.countDocuments({ email: "ghost@example.vn" })).toBe(0);
  });
});

/** `npm run user` as an operator runs it, against this file's database. */
function runUser(args: string[], stdin: string) {
  const url = new URL(inject("databaseUri"));
  url.pathname = `/${mongoose.connection.name}`;
  return runScript({ script: "user", args, stdin, uri: url.toString() });
}

describe("npm run user -- create --role organization", () => {
  it("creates an account bound to an existing organization", async () => {
    const result = await runUser(
      ["create", "--email", "rp-002@example.vn", "--role", "organization", "--organization", "RP-002"],
      "a long enough password\n",
    );
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining("created organization rp-002@example.vn for RP-002") });
    expect(await User.findOne({ email: "rp-002@example.vn" }, { role: 1, organization: 1 }).lean()).toMatchObject({
      role: "organization",
      organization: "RP-002",
    });
  });

  it.each([
    ["an unknown organization", ["--organization", "NO-SUCH"], 1, /no organization with code NO-SUCH/i],
    ["no organization", [], 2, /--organization CODE is required/i],
  ])("refuses %s, says why and writes nothing", async (_label, extra, code, message) => {
    const result = await runUser(
      ["create", "--email", "nobody@example.vn", "--role", "organization", ...extra],
      "a long enough password\n",
    );
    expect(result.code).toBe(code);
    expect(result.stderr).toMatch(message);
    expect(await User.countDocuments({ email: "nobody@example.vn" })).toBe(0);
  });
});
