import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

const MB = 1024 * 1024;

/**
 * Uploads up to `total` bytes in 64 kB chunks over a raw socket, declared by Content-Length or
 * chunked, and stops writing as soon as the server answers: `sent` tells how much it had to take
 * before refusing. A raw socket, because an HTTP client drops the answer when its next write fails.
 */
function upload(path: string, { total, declare, type }: { total: number; declare: boolean; type: string }) {
  const url = new URL(http.url(path));
  return new Promise<{ status: number; body: string; sent: number }>((resolve) => {
    let sent = 0;
    let received = "";
    const socket = connect(Number(url.port), url.hostname);
    const framing = declare ? `Content-Length: ${total}` : "Transfer-Encoding: chunked";
    socket.write(`POST ${url.pathname} HTTP/1.1\r\nHost: ${url.host}\r\nContent-Type: ${type}\r\n${framing}\r\n\r\n`);
    const chunk = Buffer.alloc(64 * 1024, "a");
    const pump = () => {
      if (received || socket.destroyed) return;
      if (sent >= total) return void socket.write(declare ? "" : "0\r\n\r\n");
      sent += chunk.length;
      const framed = declare ? chunk : Buffer.concat([Buffer.from(`${chunk.length.toString(16)}\r\n`), chunk, Buffer.from("\r\n")]);
      socket.write(framed, () => setImmediate(pump));
    };
    socket.on("data", (data: Buffer) => {
      received += data.toString("utf8");
      if (!received.includes("\r\n\r\n")) return;
      const [head = "", body = ""] = received.split("\r\n\r\n");
      // Refusals have a length; for anything else (a streamed page) the status line is enough.
      const length = /^content-length: *(\d+)/im.exec(head)?.[1];
      if (length !== undefined && Buffer.byteLength(body) < Number(length)) return;
      socket.destroy();
      resolve({ status: Number(head.split(" ")[1]), body, sent });
    });
    socket.on("error", () => undefined);
    pump();
  });
}

describe("request body limits", () => {
  it("answers a 200 MB JSON post to the feedback API with 413 JSON before reading it", async () => {
    const res = await upload("/api/v1/feedback", { total: 200 * MB, declare: true, type: "application/json" });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body)).toMatchObject({ error: { code: "payload_too_large" } });
    expect(res.sent).toBeLessThan(2 * MB);
  });

  it("answers a chunked 200 MB form post to an organization page with a 413 page once the limit is passed", async () => {
    const res = await upload("/organizations/BH-001", { total: 200 * MB, declare: false, type: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(413);
    expect(res.body).toContain("The request body is too large");
    expect(res.sent).toBeLessThan(2 * MB);
  });

  it("keeps login small and lets the admin import take a few megabytes", async () => {
    expect((await upload("/login", { total: 64 * 1024, declare: true, type: "application/x-www-form-urlencoded" })).status).toBe(413);
    expect((await upload("/admin/import", { total: 2 * MB, declare: true, type: "text/csv" })).status).not.toBe(413);
    expect((await upload("/admin/import", { total: 8 * MB, declare: false, type: "text/csv" })).status).toBe(413);
  });

  it("still hands bodies under the limit to the page and API as JSON, url-encoded and multipart", async () => {
    const json = await fetch(http.url("/api/v1/feedback"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ stance: "maybe" }),
    });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { error: { code: string } }).error.code).not.toBe("payload_too_large");

    const form = await fetch(http.url("/login"), {
      method: "POST",
      body: new URLSearchParams({ email: "nobody@example.vn", password: "wrong" }),
    });
    expect(form.status).toBe(401);

    const multipart = new FormData();
    multipart.set("email", "nobody@example.vn");
    multipart.set("password", "wrong");
    expect((await fetch(http.url("/login"), { method: "POST", body: multipart })).status).toBe(401);
  });

  it("takes the longest comment a resident may write, from the page form and the API", async () => {
    await createPeriod({ code: "2011" });
    const { evaluationId } = await createRatedOrganization({ code: "BH-001", name: "Chi bộ Khu phố 1", period: "2011" });
    // 2,000 characters that each take 9 bytes url-encoded: the largest body the form can honestly send.
    const body = "ệ".repeat(2000);
    const form = new URLSearchParams({ evaluation: evaluationId, stance: "agree", body, displayName: "Bà Tư", website: "" });
    const page = await fetch(http.url("/organizations/BH-001"), { method: "POST", body: form, redirect: "manual" });
    expect(page.status).toBeLessThan(400);
    const api = await fetch(http.url("/api/v1/feedback"), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ evaluation: evaluationId, stance: "neutral", body: `${body.slice(0, 1999)}!` }),
    });
    expect(api.status).toBe(201);
  });

  it("reads an admin's CSV upload through the cap", async () => {
    const admin = await createStaff("admin");
    const upload = new FormData();
    upload.set("period", "2011");
    upload.set("file", new Blob(["code,name\n"], { type: "text/csv" }), "x.csv");
    const res = await fetch(http.url("/admin/import"), { method: "POST", headers: { cookie: admin.cookie }, body: upload });
    expect(res.status).toBeLessThan(500);
    expect(res.status).not.toBe(413);
  });
});
