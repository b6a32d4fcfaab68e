import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "./database";
import { captureLog, setupHttpApp } from "./http-app";

vi.hoisted(() => void (process.env.LOG_LEVEL = "info"));

setupTestDatabase();
const http = setupHttpApp();
const log = captureLog();

const SECRET = "S3cr3tT0k3nXyz";

/** The request lines logged so far, as parsed JSON. */
function requestLines(): { path: string; status: number }[] {
  return log
    .lines()
    .map((line) => JSON.parse(line) as { message: string; path: string; status: number })
    .filter((entry) => entry.message === "request");
}

/** Waits for the request line of the last answer: it is written when the response finishes. */
async function loggedPathFor(path: string, init: RequestInit = {}): Promise<string> {
  log.clear();
  const res = await fetch(http.url(path), init);
  await res.arrayBuffer();
  await vi.waitFor(() => expect(requestLines()).toHaveLength(1));
  return requestLines()[0]!.path;
}

describe("request logs", () => {
  it.each([
    ["/invite/S3cr3tT0k3nXyz", "/invite/:token"],
    ["/feedback/S3cr3tT0k3nXyz", "/feedback/:trackingCode"],
    ["/feedback/S3cr3tT0k3nXyz.data", "/feedback/:trackingCode"],
    ["/api/v1/feedback/S3cr3tT0k3nXyz", "/api/v1/feedback/:trackingCode"],
    ["/api/v1/feedback/S3cr3tT0k3nXyz/removal", "/api/v1/feedback/:trackingCode/removal"],
    ["/INVITE/S3cr3tT0k3nXyz", "/INVITE/:token"],
    ["/%66eedback/S3cr3tT0k3nXyz", "/feedback/:trackingCode"],
    ["//invite/S3cr3tT0k3nXyz", "/invite/:token"],
    ["/feedback/S3cr3tT0k3nXyz%", "/feedback/:trackingCode"],
  ])("logs %s as %s", async (path, logged) => {
    expect(await loggedPathFor(path)).toBe(logged);
    expect(log.lines().join("\n")).not.toContain(SECRET);
  });

  it("keeps the secret out of the log when the request is refused", async () => {
    const path = await loggedPathFor(`/api/v1/feedback/${SECRET}/removal`, { method: "POST", headers: { origin: "x" } });
    expect(path).toBe("/api/v1/feedback/:trackingCode/removal");
    expect(log.lines().join("\n")).not.toContain(SECRET);
  });

  it("answers a malformed escape in a path without an error or a 500", async () => {
    log.clear();
    const res = await fetch(http.url(`/feedback/${SECRET}%`));
    expect(res.status).toBeLessThan(500);
    await res.arrayBuffer();
    await vi.waitFor(() => expect(requestLines()).toHaveLength(1));
    expect(log.lines().filter((line) => line.includes('"level":"error"'))).toEqual([]);
  });

  it("logs public paths as they are", async () => {
    expect(await loggedPathFor("/organizations/BH-001")).toBe("/organizations/BH-001");
  });
});
