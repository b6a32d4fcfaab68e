import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "./database";
import { captureLog, setupHttpApp } from "./http-app";

vi.hoisted(() => void (process.env.LOG_LEVEL = "info"));

setupTestDatabase();
const http = setupHttpApp();
const log = captureLog();

const MALFORMED = ["x", "null", "http://", "::", "", "javascript:alert(1)", "file:///etc"];

describe("Origin on mutations", () => {
  it.each(MALFORMED)("refuses Origin %j on the JSON API with 403 and logs no error", async (origin) => {
    log.clear();
    const res = await fetch(http.url("/api/v1/feedback"), {
      method: "POST",
      headers: { origin, "content-type": "application/json" },
      body: JSON.stringify({ stance: "agree", body: "x" }),
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe("cross_origin");
    expect(log.lines().filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it.each(MALFORMED)("refuses Origin %j on a page form with a 403 page", async (origin) => {
    const res = await fetch(http.url("/login"), {
      method: "POST",
      headers: { origin, "content-type": "application/x-www-form-urlencoded" },
      body: "email=a%40b.vn&password=x",
    });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Requests from another site are refused.");
  });

  it("refuses another site's origin and lets this site's through", async () => {
    const post = (origin: string) =>
      fetch(http.url("/api/v1/feedback"), { method: "POST", headers: { origin, "content-type": "application/json" }, body: "{" });
    expect((await post("https://evil.example")).status).toBe(403);
    expect((await post(new URL(http.url("/")).origin)).status).toBe(400);
  });
});
