import { execFile } from "node:child_process";
import { createServer, type Server } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { PRODUCTION_ENV } from "../fixtures/production-env";
import { setupHttpWithOrganization } from "./http-organization";

/**
 * The app as production runs it: NODE_ENV=production, hCaptcha on, a real secret. The environment is parsed
 * once and kept, so it is set and parsed before anything else loads; the stand-in verifier's port is chosen
 * here (free a moment ago) and listened on in beforeAll. NODE_ENV then goes back to "test" for the libraries
 * that read it themselves: the test transform compiles JSX for React's development build.
 */
const VERIFIER_PORT = await vi.hoisted(async () => {
  const { execFileSync } = process.getBuiltinModule("node:child_process");
  const script =
    "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{process.stdout.write(String(s.address().port));s.close()})";
  const port = Number(execFileSync(process.execPath, ["-e", script], { encoding: "utf8" }));
  Object.assign(process.env, {
    NODE_ENV: "production",
    SESSION_SECRET: "a-production-secret-of-32-chars!",
    CAPTCHA: "hcaptcha",
    HCAPTCHA_SITEKEY: "prod-site-key",
    HCAPTCHA_SECRET: "prod-secret",
    HCAPTCHA_VERIFY_URL: `http://127.0.0.1:${port}/siteverify`,
    // Required in production; the harness connects to its own database (inject("databaseUri")), not to this.
    MONGODB_URI: "mongodb://127.0.0.1:1/unused",
    LOG_LEVEL: "silent",
  });
  const { env } = await import("../../app/utils/env.server");
  if (env().NODE_ENV !== "production") throw new Error("the environment was parsed before this file could set it");
  process.env.NODE_ENV = "test";
  return port;
});

/** A stand-in for hCaptcha's siteverify (a third party): "good" passes when our secret and site key come with it. */
let verifier: Server;
const received: URLSearchParams[] = [];
beforeAll(async () => {
  verifier = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => {
      const form = new URLSearchParams(text);
      received.push(form);
      const success = form.get("response") === "good" && form.get("secret") === "prod-secret" && form.get("sitekey") === "prod-site-key";
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ success }));
    });
  });
  await new Promise<void>((resolve) => verifier.listen(VERIFIER_PORT, "127.0.0.1", resolve));
});
afterAll(async () => {
  await new Promise((resolve) => verifier.close(resolve));
});

const { http, evaluationId } = setupHttpWithOrganization({ code: "PR-001", name: "Chi bộ Ấp Phú Sơn" });

const stored = () => Feedback.countDocuments({ evaluation: evaluationId() });
const postForm = (fields: Record<string, string>) =>
  fetch(http.url("/organizations/PR-001?lng=en"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(fields),
  });
const postJson = (body: Record<string, unknown>) =>
  fetch(http.url("/api/v1/feedback"), {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en" },
    body: JSON.stringify(body),
  });

describe("production configuration, through HTTP", () => {
  it("sends HSTS and a CSP that upgrades requests and lets only hCaptcha in from outside", async () => {
    const res = await fetch(http.url("/"));
    expect(res.status).toBe(200);
    expect(res.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
    expect(res.headers.get("content-security-policy")).toMatch(/upgrade-insecure-requests/);
    expect(res.headers.get("content-security-policy")).toMatch(/script-src 'self' 'nonce-[^']+' https:\/\/hcaptcha\.com/);
  });

  it("shows the hCaptcha widget with the site key on the organization page, its script under the page's nonce", async () => {
    const res = await fetch(http.url("/organizations/PR-001"));
    const html = await res.text();
    const nonce = /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
    expect(nonce).toBeTruthy();
    expect(html).toContain('data-sitekey="prod-site-key"');
    const script = /<script src="https:\/\/js\.hcaptcha\.com\/1\/api\.js\?hl=vi"[^>]*>/.exec(html)?.[0];
    expect(script).toContain(`nonce="${nonce}"`);
  });

  it("the page form refuses a comment without a solved captcha and takes one with it", async () => {
    const before = await stored();
    const fields = { evaluation: evaluationId(), stance: "agree", body: "Chi bộ gần dân, làm việc tận tâm." };
    const refused = await postForm(fields);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain("Please complete the verification before sending.");
    expect(await stored()).toBe(before);

    const accepted = await postForm({ ...fields, "h-captcha-response": "good" });
    expect(accepted.status).toBe(303);
    expect(accepted.headers.get("location")).toMatch(/^\/feedback\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\?new=1$/);
    expect(await stored()).toBe(before + 1);
    expect(Object.fromEntries(received.at(-1)!)).toEqual({ secret: "prod-secret", response: "good", sitekey: "prod-site-key" });
  });

  it("the JSON API refuses a missing or failing token and takes a good one", async () => {
    const before = await stored();
    const body = { evaluation: evaluationId(), stance: "neutral", body: "Tôi chưa có ý kiến rõ ràng về chi bộ này." };
    const missing = await postJson(body);
    expect(missing.status).toBe(400);
    expect(((await missing.json()) as { error: { code: string } }).error.code).toBe("captcha_required");
    const failing = await postJson({ ...body, captchaToken: "bad" });
    expect(failing.status).toBe(403);
    expect(await stored()).toBe(before);
    const good = await postJson({ ...body, captchaToken: "good" });
    expect(good.status).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it("logs staff in with a Secure, httpOnly, SameSite=Lax cookie", async () => {
    const staff = await createStaff("moderator");
    const res = await fetch(http.url("/login"), {
      method: "POST",
      redirect: "manual",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ email: staff.email, password: STAFF_PASSWORD }),
    });
    expect(res.status).toBe(302);
    const cookie = res.headers.get("set-cookie") ?? "";
    expect(cookie).toMatch(/^__session=[^;]+;/);
    expect(cookie.split(/;\s*/).slice(1).sort()).toEqual(["HttpOnly", "Max-Age=43200", "Path=/", "SameSite=Lax", "Secure"]);
  });
});

describe("production configuration, as parsed at start-up", () => {
  const complete = { ...PRODUCTION_ENV, SESSION_SECRET: "x".repeat(16) };

  it("takes a 16-character session secret and refuses a 15-character one, naming it", () => {
    expect(parseEnv(complete).SESSION_SECRET).toHaveLength(16);
    expect(() => parseEnv({ ...complete, SESSION_SECRET: "x".repeat(15) })).toThrow(/SESSION_SECRET/);
  });

  it("refuses hCaptcha without its keys", () => {
    expect(() => parseEnv({ ...complete, HCAPTCHA_SECRET: undefined })).toThrow(/HCAPTCHA_SITEKEY and HCAPTCHA_SECRET are required/);
  });
});

describe("production refusals at start, as a real process", () => {
  const ROOT = path.resolve(import.meta.dirname, "../..");
  const base: NodeJS.ProcessEnv = {
    PATH: process.env.PATH ?? "",
    NODE_ENV: "production",
    PORT: "0",
    SESSION_SECRET: "x".repeat(32),
    HCAPTCHA_SITEKEY: "site",
    HCAPTCHA_SECRET: "secret",
    LOG_LEVEL: "info",
  };

  /** Starts the real server (server/start.ts) and waits for it to exit; it must, as it refuses to start. */
  function startServer(env: Partial<NodeJS.ProcessEnv>): Promise<{ code: number | null; stderr: string; stdout: string }> {
    return new Promise((resolve) => {
      const child = execFile(
        path.join(ROOT, "node_modules/.bin/tsx"),
        [path.join(ROOT, "tests/support/serve-source.ts")],
        { cwd: ROOT, env: { ...base, ...env }, timeout: 60_000 },
        (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }),
      );
    });
  }

  it("refuses the embedded database (MONGODB_URI unset) with one clear message and exit code 1", async () => {
    const { code, stdout, stderr } = await startServer({});
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr.trim()).toBe(
      "Invalid environment:\n  MONGODB_URI: MONGODB_URI is required when NODE_ENV=production: the embedded database (MONGODB_URI unset) has no authentication and serves development, tests and the demo only",
    );
  });

  it("refuses CAPTCHA=off and SEED_ON_START=true the same way, naming both", async () => {
    const { code, stderr } = await startServer({ MONGODB_URI: "mongodb://127.0.0.1:1/congkhai", CAPTCHA: "off", SEED_ON_START: "true" });
    expect(code).toBe(1);
    expect(stderr.trim().split("\n")).toEqual([
      "Invalid environment:",
      "  SEED_ON_START: SEED_ON_START=true is refused when NODE_ENV=production: the demo data would publish made-up organizations and ratings",
      "  CAPTCHA: CAPTCHA=off is refused when NODE_ENV=production",
    ]);
  });
});
