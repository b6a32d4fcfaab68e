import type { AddressInfo } from "node:net";
import type { Server } from "node:http";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/app";
import { createLifecycle } from "../../server/lifecycle";
import { sourceBuild } from "../support/source-build";

/** Starts the real Express app (headers, limits, logs, Remix) on a free port for this test file. */
export function setupHttpApp(): { url: (pathname: string) => string } {
  let server: Server | undefined;
  let base = "";
  beforeAll(async () => {
    const lifecycle = createLifecycle();
    const app = createApp({ build: await sourceBuild(), lifecycle });
    lifecycle.markReady();
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return { url: (pathname) => `${base}${pathname}` };
}

/**
 * Everything the app writes to stdout and stderr while this file runs (the JSON log lines), kept out of
 * the test output. Turn logging on with `vi.hoisted(() => (process.env.LOG_LEVEL = "info"))` first.
 */
export function captureLog(): { lines: () => string[]; clear: () => void } {
  let text = "";
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  beforeAll(() => {
    const keep = (chunk: string | Uint8Array) => {
      text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    };
    process.stdout.write = keep as typeof process.stdout.write;
    process.stderr.write = keep as typeof process.stderr.write;
  });
  afterAll(() => {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  });
  return { lines: () => text.split("\n").filter(Boolean), clear: () => void (text = "") };
}
