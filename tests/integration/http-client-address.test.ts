import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { FEEDBACK_LIMIT } from "../../app/utils/rate-limit.server";
import { setupHttpWithOrganization } from "./http-organization";

/**
 * The client address through the real Express app, as the test environment runs it: TRUST_PROXY unset
 * outside production, so only the loopback peer (this test) may name a client in X-Forwarded-For.
 */
const { http, evaluationId } = setupHttpWithOrganization({ code: "CA-001", name: "Chi bộ Ấp Bình Lợi" });

/** Words nothing else shares, so no two comments look alike (the campaign check is not what this file tests). */
const unlike = () => Array.from({ length: 5 }, () => randomBytes(4).toString("hex")).join(" ");

/** One comment from whoever `forwardedFor` says; returns the status. */
async function comment(forwardedFor: string): Promise<number> {
  const res = await fetch(http.url("/api/v1/feedback"), {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", "x-forwarded-for": forwardedFor },
    body: JSON.stringify({ evaluation: evaluationId(), stance: "agree", body: `Ý kiến ${unlike()}` }),
  });
  await res.text();
  return res.status;
}

describe("client address and rate limits over HTTP", () => {
  it("counts IPv6 clients by their /64: a new address in the same /64 is the same client, another /64 is not", async () => {
    const statuses = [];
    for (let i = 1; i <= FEEDBACK_LIMIT.limit + 1; i++) statuses.push(await comment(`2001:db8:77:1::${i.toString(16)}`));
    expect(statuses).toEqual([...Array<number>(FEEDBACK_LIMIT.limit).fill(201), 429]);
    expect(await comment("2001:db8:77:2::1")).toBe(201);
  });

  it("does not take a forwarded value that is not an address as a client of its own: it is the peer's", async () => {
    const statuses = [];
    for (let i = 1; i <= FEEDBACK_LIMIT.limit + 1; i++) statuses.push(await comment(`not-an-address-${i}`));
    expect(statuses).toEqual([...Array<number>(FEEDBACK_LIMIT.limit).fill(201), 429]);
    // The peer itself (loopback, no header) is that same client, and its quota is spent.
    const direct = await fetch(http.url("/api/v1/feedback"), {
      method: "POST",
      headers: { "content-type": "application/json", "accept-language": "en" },
      body: JSON.stringify({ evaluation: evaluationId(), stance: "agree", body: `Gửi thẳng ${unlike()}` }),
    });
    expect(direct.status).toBe(429);
    expect(await comment("198.51.100.23")).toBe(201);
  });
});
