import { describe, expect, it } from "vitest";
import { checkRateLimit, FEEDBACK_LIMIT } from "../../app/utils/rate-limit.server";
import { purgeExpiredRateLimits, RateLimit } from "../../models/accounts/rate-limit.server";
import { setupTestDatabase } from "./database";
import { newClientKey } from "./feedback-call";

setupTestDatabase();

const WINDOW_START = Date.UTC(2026, 0, 1, 8, 0, 0);

describe("feedback rate limit (fixed windows in the database)", () => {
  it("allows the limit, refuses the next hit with the seconds left in the window, and starts afresh in the next window", async () => {
    const client = newClientKey();
    const at = WINDOW_START + 4 * 60_000; // 4 minutes into a 10-minute window
    const hits = [];
    for (let i = 0; i <= FEEDBACK_LIMIT.limit; i++) hits.push(await checkRateLimit(FEEDBACK_LIMIT, client, at));
    expect(hits.map((hit) => hit.allowed)).toEqual([true, true, true, true, true, false]);
    expect(hits.at(-1)?.retryAfter).toBe(6 * 60);
    expect((await checkRateLimit(FEEDBACK_LIMIT, newClientKey(), at)).allowed).toBe(true);
    expect((await checkRateLimit(FEEDBACK_LIMIT, client, WINDOW_START + FEEDBACK_LIMIT.windowMs)).allowed).toBe(true);
  });

  it("counts racing hits exactly", async () => {
    const client = newClientKey();
    const results = await Promise.all(Array.from({ length: 12 }, () => checkRateLimit(FEEDBACK_LIMIT, client, WINDOW_START)));
    expect(results.filter((hit) => hit.allowed)).toHaveLength(FEEDBACK_LIMIT.limit);
    expect(results.map((hit) => hit.count).sort((a, b) => a - b)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
  });

  it("removes ended windows with a periodic delete, keeping current ones", async () => {
    const client = newClientKey();
    const now = Date.now();
    const current = now - (now % FEEDBACK_LIMIT.windowMs);
    await checkRateLimit(FEEDBACK_LIMIT, client, WINDOW_START);
    await checkRateLimit(FEEDBACK_LIMIT, client, now);
    await purgeExpiredRateLimits(new Date(now));
    expect(await RateLimit.exists({ _id: `feedback:${client}:${WINDOW_START}` })).toBeNull();
    expect(await RateLimit.exists({ _id: `feedback:${client}:${current}` })).not.toBeNull();
  });
});
