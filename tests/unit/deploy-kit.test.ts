import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bodyLimitFor } from "../../server/body-limit";

const ROOT = path.resolve(import.meta.dirname, "../..");
const read = (file: string) => readFileSync(path.join(ROOT, file), "utf8");
const UNIT = read("deploy/cong-khai.service");
const SITE = read("deploy/nginx/cong-khai.conf");
const SYSTEMD_ANALYZE = "/usr/bin/systemd-analyze";

/** The values of `key=` lines in a unit file, in order. */
const unitValues = (key: string) => [...UNIT.matchAll(new RegExp(`^${key}=(.*)$`, "gm"))].map((match) => match[1] ?? "");

/** nginx sizes ("256k", "6m") in bytes. */
function bytes(size: string): number {
  const unit = { k: 1024, m: 1024 ** 2 }[size.slice(-1).toLowerCase()] ?? 1;
  return Number.parseInt(size, 10) * unit;
}

describe("the systemd unit (deploy/cong-khai.service)", () => {
  it.skipIf(!existsSync(SYSTEMD_ANALYZE))("passes systemd-analyze verify (skipped where systemd-analyze is missing)", () => {
    // verify judges a unit by its file name, so the copy keeps it.
    const dir = mkdtempSync(path.join(tmpdir(), "unit-"));
    const file = path.join(dir, "cong-khai.service");
    copyFileSync(path.join(ROOT, "deploy/cong-khai.service"), file);
    try {
      const output = execFileSync(SYSTEMD_ANALYZE, ["verify", file], { encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] });
      expect(output).toBe("");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the compiled server in production as its own user, from its env file, restarting on failure", () => {
    expect(unitValues("ExecStart")).toEqual(["/usr/bin/node build/server/index.js"]);
    expect(unitValues("Environment")).toContain("NODE_ENV=production");
    expect(unitValues("EnvironmentFile")).toEqual(["/etc/cong-khai/env"]);
    expect(unitValues("User")).toEqual(["congkhai"]);
    expect(unitValues("Restart")).toEqual(["on-failure"]);
    for (const option of ["NoNewPrivileges", "ProtectHome", "PrivateTmp", "PrivateDevices"]) expect(unitValues(option)).toEqual(["yes"]);
    expect(unitValues("ProtectSystem")).toEqual(["strict"]);
  });

  it("waits longer before SIGKILL than the server's shutdown after SIGTERM (drain, then mails going out)", () => {
    const limit = (name: string) => Number(new RegExp(`${name} = ([\\d_]+);`).exec(read("server/start.ts"))?.[1]?.replaceAll("_", "") ?? 0);
    const drainMs = limit("DRAIN_LIMIT_MS") + limit("MAIL_LIMIT_MS");
    expect(limit("DRAIN_LIMIT_MS")).toBeGreaterThan(0);
    expect(unitValues("KillSignal")).toEqual(["SIGTERM"]);
    const [stop = ""] = unitValues("TimeoutStopSec");
    expect(Number.parseInt(stop, 10) * 1000).toBeGreaterThanOrEqual(drainMs + 5000);
  });
});

describe("the nginx site (deploy/nginx/cong-khai.conf)", () => {
  it("lets every body the app accepts through, so the app answers oversized ones itself", () => {
    const [serverWide, importOnly] = [...SITE.matchAll(/client_max_body_size (\S+);/g)].map((match) => bytes(match[1] ?? ""));
    for (const pathname of ["/login", "/api/v1/feedback", "/organizations/X", "/moderation", "/admin/words"])
      expect(serverWide).toBeGreaterThanOrEqual(bodyLimitFor(pathname));
    expect(importOnly).toBeGreaterThanOrEqual(bodyLimitFor("/admin/import"));
    expect(SITE).toMatch(/location ~ \^\/admin\/import\(\\\.data\)\?\$ \{\s+client_max_body_size/);
  });

  it("writes X-Forwarded-For itself, as TRUST_PROXY in deploy/env.example expects", () => {
    expect(SITE).toContain("proxy_set_header X-Forwarded-For $remote_addr;");
    expect(read("deploy/env.example")).toMatch(/^TRUST_PROXY=127\.0\.0\.1\/32$/m);
  });
});
