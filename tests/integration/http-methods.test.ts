import { beforeAll, describe, expect, it, vi } from "vitest";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { captureLog, setupHttpApp } from "./http-app";

// Errors must reach the log for the test to see that refusals do not.
vi.hoisted(() => void (process.env.LOG_LEVEL = "warn"));

/** Found by `npm run scan` (wapiti): odd methods and bodies gave 500s, and expected 4xx answers were logged as errors. */
setupTestDatabase();
const http = setupHttpApp();
const log = captureLog();
const errors = () => log.lines().filter((line) => line.includes('"level":"error"'));

let moderatorCookie = "";
beforeAll(async () => {
  await createPeriod({ code: "2011" });
  await createRatedOrganization({ code: "HM-001", name: "Chi bộ Ấp Hòa Mỹ", period: "2011" });
  const staff = await createStaff("moderator");
  const res = await fetch(http.url("/login"), {
    method: "POST",
    redirect: "manual",
    body: new URLSearchParams({ email: staff.email, password: STAFF_PASSWORD }),
  });
  moderatorCookie = /__session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0] ?? "";
  expect(moderatorCookie).not.toBe("");
});

describe("requests a page cannot take", () => {
  it("answers PUT, DELETE and PATCH on a page with 405 and the methods it takes", async () => {
    for (const method of ["PUT", "DELETE", "PATCH"]) {
      const res = await fetch(http.url("/organizations/HM-001?lng=en"), { method, body: "x" });
      expect(res.status).toBe(405);
      expect(res.headers.get("allow")).toBe("GET, HEAD, POST");
      expect(await res.text()).toContain("This page does not accept that request method.");
    }
  });

  it("answers a post that is not a form with 415, before any action tries to read it", async () => {
    const json = await fetch(http.url("/organizations/HM-001"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(json.status).toBe(415);
    expect(await json.text()).toContain("Trang này chỉ nhận dữ liệu gửi từ biểu mẫu.");
    const bare = await fetch(http.url("/login"), { method: "POST" });
    expect(bare.status).toBe(415);
    const form = await fetch(http.url("/organizations/HM-001"), { method: "POST", body: new URLSearchParams({ intent: "nothing" }) });
    expect(form.status).toBe(400);
  });

  it("leaves the JSON API its own methods", async () => {
    const res = await fetch(http.url("/api/v1/feedback/AAAA-BBBB-CC"), { method: "DELETE" });
    expect(res.status).not.toBe(405);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
  });
});

describe("refusals Remix answers itself are not logged as errors", () => {
  it("a post to a page without an action: 405, nothing in the error log", async () => {
    log.clear();
    const res = await fetch(http.url("/summary"), { method: "POST", body: new URLSearchParams({ x: "1" }) });
    expect(res.status).toBe(405);
    expect(errors()).toEqual([]);
  });

  it("a moderator asking for the admin export (a resource route): 403, nothing in the error log", async () => {
    log.clear();
    const res = await fetch(http.url("/admin/export/2011"), { headers: { cookie: moderatorCookie } });
    expect(res.status).toBe(403);
    expect(errors()).toEqual([]);
  });
});
