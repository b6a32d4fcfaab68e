import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";

// The environment is read once per process: this file runs with LOG_LEVEL=warn.
vi.hoisted(() => {
  process.env.LOG_LEVEL = "warn";
});

const { logError, logInfo, logWarn } = await import("../../app/utils/log.server");

let lines: { stream: "out" | "err"; line: Record<string, unknown> }[] = [];

beforeEach(() => {
  lines = [];
  const keep = (stream: "out" | "err") => (chunk: string | Uint8Array) => {
    lines.push({ stream, line: JSON.parse(String(chunk)) as Record<string, unknown> });
    return true;
  };
  vi.spyOn(process.stdout, "write").mockImplementation(keep("out"));
  vi.spyOn(process.stderr, "write").mockImplementation(keep("err"));
});

afterEach(() => vi.restoreAllMocks());

describe("log levels", () => {
  it("LOG_LEVEL=warn writes warnings and errors but not information", () => {
    logInfo("request", { status: 200 });
    logWarn("database not reachable, retrying in 2s", { error: "connection refused" });
    logError(new Error("index build failed"), { requestId: "abc" });
    expect(lines.map(({ stream, line }) => [stream, line.level, line.message])).toEqual([
      ["err", "warn", "database not reachable, retrying in 2s"],
      ["err", "error", "index build failed"],
    ]);
  });

  it("writes one JSON shape at every level: level, time, message, then the fields", () => {
    logWarn("slow step", { ms: 1200 });
    logError(new Error("boom"), { message: "merge step failed" });
    const [warn, error] = lines.map(({ line }) => line);
    expect(Object.keys(warn!)).toEqual(["level", "time", "message", "ms"]);
    expect(Object.keys(error!).slice(0, 3)).toEqual(["level", "time", "message"]);
    expect(error).toMatchObject({ message: "merge step failed", error: "boom" });
    expect(String(error!.stack)).toContain("Error: boom");
    expect(new Date(String(warn!.time)).toISOString()).toBe(warn!.time);
  });
});
