import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CaptchaConfig } from "../../app/utils/captcha.server";
import { submitFeedback } from "../../app/utils/feedback.server";
import { FEEDBACK_ATTEMPT_LIMIT, FEEDBACK_LIMIT } from "../../app/utils/rate-limit.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { newClientKey, pendingCount, storedCount } from "./feedback-call";

setupTestDatabase();

/** A stand-in for hCaptcha's siteverify (a third party, not our database): "good" passes, "slow" never answers. */
let verifier: Server;
let verifyUrl: string;
const received: URLSearchParams[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = "";
    req.on("data", (chunk: Buffer) => (text += chunk.toString()));
    req.on("end", () => resolve(text));
  });
}

let evaluation: string;

beforeAll(async () => {
  verifier = createServer(async (req, res) => {
    const form = new URLSearchParams(await readBody(req));
    received.push(form);
    const token = form.get("response");
    // Never answers (the connection is closed when the file ends): only our own timeout can end the wait.
    if (token === "slow") return;
    if (token === "broken") return void res.writeHead(500).end("oops");
    res.setHeader("content-type", "application/json");
    res.end(
      JSON.stringify({
        success: token === "good" && form.get("secret") === "s3cret",
        "error-codes": token === "good" ? [] : ["invalid-input-response"],
      }),
    );
  });
  await new Promise<void>((resolve) => verifier.listen(0, "127.0.0.1", resolve));
  verifyUrl = `http://127.0.0.1:${(verifier.address() as AddressInfo).port}/siteverify`;
  await createPeriod({ code: "2011" });
  evaluation = (await createRatedOrganization({ code: "C1", name: "Chi bộ khu phố 1", period: "2011" })).evaluationId;
});

afterAll(async () => {
  verifier.closeAllConnections();
  await new Promise((resolve) => verifier.close(resolve));
});

function config(url = verifyUrl): CaptchaConfig {
  return { CAPTCHA: "hcaptcha", HCAPTCHA_SECRET: "s3cret", HCAPTCHA_SITEKEY: "site-key", HCAPTCHA_VERIFY_URL: url };
}

let n = 0;
function submit(captchaToken: string | undefined, url?: string, clientKey = newClientKey()) {
  const request = new Request("http://localhost/api/v1/feedback", { method: "POST", headers: { "accept-language": "vi" } });
  n += 1;
  // Words nothing else shares: several comments from one client must not look like a campaign to the intake.
  const words = Array.from({ length: 5 }, () => randomBytes(4).toString("hex")).join(" ");
  const input = { evaluation, stance: "agree", body: `Ý kiến có xác minh số ${n}: ${words}`, captchaToken };
  return submitFeedback({ input, request, clientKey, captcha: config(url) });
}

describe("hCaptcha on feedback (CAPTCHA=hcaptcha)", () => {
  it.each([
    ["a missing token", undefined, 400, "captcha_required"],
    ["a failing token", "bad", 403, "captcha_failed"],
    ["a verifier error", "broken", 503, "captcha_unverifiable"],
  ])("refuses %s with a clear message and stores nothing", async (_label, token, status, code) => {
    const [pending, stored] = [await pendingCount(evaluation), await storedCount(evaluation)];
    const result = await submit(token);
    expect(result).toMatchObject({ ok: false, status, code, fields: { captchaToken: expect.any(String) } });
    expect(await pendingCount(evaluation)).toBe(pending);
    expect(await storedCount(evaluation)).toBe(stored);
  });

  it("accepts a passing token, sending the secret, the token and the site key form-encoded", async () => {
    const pending = await pendingCount(evaluation);
    const result = await submit("good");
    expect(result).toMatchObject({ ok: true, trackingCode: expect.any(String) });
    expect(await pendingCount(evaluation)).toBe(pending + 1);
    expect(Object.fromEntries(received.at(-1)!)).toEqual({ secret: "s3cret", response: "good", sitekey: "site-key" });
  });

  it("refuses cleanly when the verifier is unreachable", async () => {
    const closedPort = createServer();
    await new Promise<void>((resolve) => closedPort.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(closedPort.address() as AddressInfo).port}/siteverify`;
    await new Promise((resolve) => closedPort.close(resolve));
    const stored = await storedCount(evaluation);
    const result = await submit("good", url);
    expect(result).toMatchObject({ ok: false, status: 503, code: "captcha_unverifiable", message: expect.stringContaining("xác minh") });
    expect(await storedCount(evaluation)).toBe(stored);
  });

  it("gives up on a verifier that never answers, and stores nothing", async () => {
    const stored = await storedCount(evaluation);
    const result = await submit("slow");
    expect(result).toMatchObject({ ok: false, status: 503, code: "captcha_unverifiable" });
    expect(await storedCount(evaluation)).toBe(stored);
  });

  it("spends the feedback quota only on verified comments: junk tokens from a shared address leave it whole", async () => {
    const shared = newClientKey();
    for (let i = 0; i <= FEEDBACK_LIMIT.limit; i++)
      expect(await submit("bad", undefined, shared)).toMatchObject({ ok: false, code: "captcha_failed" });
    for (let i = 0; i < FEEDBACK_LIMIT.limit; i++) expect(await submit("good", undefined, shared)).toMatchObject({ ok: true });
    expect(await submit("good", undefined, shared)).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
  });

  it("stops a flood of attempts before the verifier is asked", async () => {
    const flooder = newClientKey();
    for (let i = 0; i < FEEDBACK_ATTEMPT_LIMIT.limit; i++) await submit("bad", undefined, flooder);
    const asked = received.length;
    const stored = await storedCount(evaluation);
    expect(await submit("good", undefined, flooder)).toMatchObject({ ok: false, status: 429, code: "rate_limited" });
    expect(received.length).toBe(asked);
    expect(await storedCount(evaluation)).toBe(stored);
  });
});
