import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { connect, type Socket } from "node:net";
import path from "node:path";
import { createInterface } from "node:readline";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "../..");
const TSX = path.join(ROOT, "node_modules/.bin/tsx");

interface LogLine {
  level: string;
  message: string;
  port?: number;
}

let child: ChildProcess;
const lines: LogLine[] = [];
const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
let exited: Promise<number | null>;
let databaseUri = "";

/** Resolves with the first log line (already written or still to come) that `match` accepts. */
function logLine(match: (line: LogLine) => boolean): Promise<LogLine> {
  const seen = lines.find(match);
  if (seen) return Promise.resolve(seen);
  return new Promise((resolve) => waiters.push({ match, resolve }));
}

beforeAll(async () => {
  const url = new URL(inject("databaseUri"));
  url.pathname = `/test_${randomBytes(5).toString("hex")}`;
  databaseUri = url.toString();
  child = spawn(TSX, [path.join(ROOT, "tests/support/serve-source.ts")], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: "0",
      MONGODB_URI: databaseUri,
      NODE_ENV: "test",
      CAPTCHA: "off",
      SEED_ON_START: "false",
      LOG_LEVEL: "info",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  exited = new Promise((resolve) => child.once("exit", (code) => resolve(code)));
  createInterface({ input: child.stdout! }).on("line", (text) => {
    if (!text.startsWith("{")) return;
    const line = JSON.parse(text) as LogLine;
    lines.push(line);
    for (const waiter of waiters.filter(({ match }) => match(line))) waiter.resolve(line);
  });
  child.stderr!.resume();
  await logLine((line) => line.message === "ready");
}, 120_000);

afterAll(async () => {
  if (child.exitCode === null) child.kill("SIGKILL");
  await mongoose
    .createConnection(databaseUri)
    .asPromise()
    .then(async (connection) => {
      await connection.db?.dropDatabase();
      await connection.close();
    });
});

async function get(base: string, pathname: string): Promise<{ status: number; body: { status?: string; reason?: string } }> {
  const response = await fetch(`${base}${pathname}`);
  return { status: response.status, body: (await response.json()) as { status?: string; reason?: string } };
}

/** Sends a POST's headers and asks to continue; resolves once the server has taken the request (100 Continue). */
function startPost(port: number, pathname: string, bodyLength: number): Promise<{ socket: Socket; answer: Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    let text = "";
    const answer = new Promise<string>((done) => socket.on("end", () => done(text)));
    socket.on("error", reject);
    socket.on("data", (chunk) => {
      text += chunk.toString("utf8");
      if (text.startsWith("HTTP/1.1 100 Continue\r\n\r\n")) {
        text = "";
        resolve({ socket, answer });
      }
    });
    socket.write(
      `POST ${pathname} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\nContent-Length: ${bodyLength}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`,
    );
  });
}

describe("SIGTERM", () => {
  it("says not ready at once, lets the request in flight finish, then exits 0", async () => {
    const { port } = await logLine((line) => line.port !== undefined);
    const base = `http://127.0.0.1:${port}`;
    expect(await get(base, "/readyz")).toEqual({ status: 200, body: { status: "ok" } });
    expect((await get(base, "/healthz")).status).toBe(200);

    // A comment whose body is still uploading when the signal arrives.
    const body = JSON.stringify({ evaluation: "000000000000000000000000", stance: "agree", body: "Tôi đồng ý với kết quả đánh giá." });
    const { socket, answer } = await startPost(port!, "/api/v1/feedback", Buffer.byteLength(body));
    child.kill("SIGTERM");
    await logLine((line) => line.message.startsWith("SIGTERM"));

    const readiness = await get(base, "/readyz");
    expect(readiness).toEqual({ status: 503, body: { status: "unavailable", reason: expect.stringContaining("shutting down") as string } });
    expect((await get(base, "/healthz")).status).toBe(503);
    expect((await get(base, "/livez")).status).toBe(200);
    expect(lines.some((line) => line.message === "stopped")).toBe(false);

    socket.write(body);
    const response = await answer;
    // The request got its real answer (the evaluation does not exist), not a reset connection.
    expect(response).toMatch(/^HTTP\/1\.1 (404|400|422) /);
    expect(response).toContain('"error":{"code":');

    expect(await exited).toBe(0);
    expect(lines.map((line) => line.message)).toContain("stopped");
  });
});
