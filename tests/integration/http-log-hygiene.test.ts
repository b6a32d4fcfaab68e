import { beforeAll, describe, expect, it, vi } from "vitest";
import { inviteUser } from "../../models/accounts/accounts-admin.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { FeedbackCode } from "../../models/feedback/feedback-code.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { captureLog, setupHttpApp } from "./http-app";

vi.hoisted(() => void (process.env.LOG_LEVEL = "info"));

setupTestDatabase();
const http = setupHttpApp();
const log = captureLog();

/** A documentation address (RFC 5737), sent as a proxy would: loopback is a trusted hop. */
const ADDRESS = "203.0.113.77";
const CONTACT = "co.lan.7731@example.vn";
const PHONE = "0987 654 321";
const BODY_WORDS = "Ủy ban xã Quỳnh Lưu sửa đường rất chậm";

const secrets: Record<string, string> = {};
const compact = (code: string) => code.replace(/-/g, "").toLowerCase();
let sent = 0;

/** Sends a request from ADDRESS and waits for its answer in full, so its request line is logged. */
async function send(path: string, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  headers.set("x-forwarded-for", ADDRESS);
  sent += 1;
  const res = await fetch(http.url(path), { ...init, headers, redirect: "manual" });
  const text = await res.text();
  return { status: res.status, text, location: res.headers.get("location"), setCookie: res.headers.get("set-cookie") };
}

const form = (fields: Record<string, string>) => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(fields),
});

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const org = await createRatedOrganization({ code: "LH-001", name: "Chi bộ Ấp Lộc Hòa", period: "2011" });
  const staff = await createStaff("moderator");
  const admin = await createStaff("admin");
  secrets.invite = (await inviteUser({ email: "moi@example.vn", role: "committee", actor: { id: admin.id, email: admin.email } })).token;
  log.clear();

  // A resident posts through the API and through the page form, then follows both comments.
  const api = await send("/api/v1/feedback", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      evaluation: org.evaluationId,
      stance: "agree",
      body: `${BODY_WORDS}, gọi ${PHONE}.`,
      displayName: "Cô Lan",
      contact: CONTACT,
    }),
  });
  expect(api.status).toBe(201);
  secrets.apiCode = (JSON.parse(api.text) as { trackingCode: string }).trackingCode;
  const page = await send(
    "/organizations/LH-001",
    form({ evaluation: org.evaluationId, stance: "neutral", body: `Lần hai: ${BODY_WORDS}.`, contact: CONTACT }),
  );
  expect(page.status).toBe(303);
  secrets.pageCode = page.location!.replace(/^\/feedback\/([^?]+).*$/, "$1");
  for (const code of [secrets.apiCode, secrets.pageCode]) {
    expect((await send(`/feedback/${code}`)).status).toBe(200);
    // As a resident may type it: lower case, no dashes.
    expect((await send(`/api/v1/feedback/${compact(code)}`)).status).toBe(200);
  }

  // A moderator fails once, logs in, approves the first comment; an invitee opens the invitation.
  expect((await send("/login", form({ email: staff.email, password: "not the password" }))).status).toBe(401);
  const login = await send("/login", form({ email: staff.email, password: STAFF_PASSWORD }));
  expect(login.status).toBe(302);
  const cookie = login.setCookie!.split(";")[0]!;
  secrets.session = cookie.replace(/^__session=/, "");
  const link = await FeedbackCode.findById(secrets.apiCode, { feedback: 1 }).lean();
  const decision = await send(`/api/v1/moderation/feedback/${String(link!.feedback)}`, {
    method: "POST",
    headers: { cookie, "content-type": "application/json" },
    body: JSON.stringify({ decision: "approve" }),
  });
  expect(decision.status).toBe(200);
  expect((await send("/moderation", { headers: { cookie } })).status).toBe(200);
  expect((await send(`/invite/${secrets.invite}`)).status).toBe(200);
});

describe("what the logs and the audit keep of a day's requests", () => {
  it("logs every request, without address, contact, comment, tracking code, session or invite token", async () => {
    await vi.waitFor(() => expect(log.lines().filter((line) => line.includes('"message":"request"')).length).toBe(sent));
    const text = log.lines().join("\n");
    const forbidden = [
      ADDRESS,
      "127.0.0.1",
      CONTACT,
      PHONE,
      BODY_WORDS,
      "Cô Lan",
      STAFF_PASSWORD,
      secrets.apiCode!,
      secrets.pageCode!,
      compact(secrets.apiCode!),
      secrets.session!,
      secrets.invite!,
    ];
    expect(forbidden.filter((value) => text.includes(value))).toEqual([]);
  });

  it("keeps no address in any audit event", async () => {
    const events = await AuditEvent.find({}).lean();
    expect(events.map((event) => event.action)).toEqual(expect.arrayContaining(["auth.login-failed", "auth.login", "feedback.approve"]));
    const text = JSON.stringify(events);
    expect([ADDRESS, "127.0.0.1", CONTACT].filter((value) => text.includes(value))).toEqual([]);
  });
});
