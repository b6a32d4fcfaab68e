import { describe, expect, it, vi } from "vitest";
import { memo } from "../../models/summary/summary-cache";

describe("memo (stale-while-revalidate)", () => {
  it("reads once while fresh, answers stale at once while one refresh runs, then serves the refresh", async () => {
    vi.useFakeTimers();
    try {
      let reads = 0;
      let finish: (value: number) => void = () => undefined;
      const load = () => {
        reads += 1;
        return reads === 1 ? Promise.resolve(1) : new Promise<number>((resolve) => (finish = resolve));
      };
      expect(await memo("k", 1000, load)).toBe(1);
      expect(await memo("k", 1000, load)).toBe(1);
      vi.advanceTimersByTime(1500);
      expect(await memo("k", 1000, load)).toBe(1);
      expect(await memo("k", 1000, load)).toBe(1);
      expect(reads).toBe(2);
      finish(2);
      await Promise.resolve();
      expect(await memo("k", 1000, load)).toBe(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it("forgets a failed first read so the next caller tries again", async () => {
    await expect(memo("bad", 1000, () => Promise.reject(new Error("down")))).rejects.toThrow("down");
    expect(await memo("bad", 1000, () => Promise.resolve("up"))).toBe("up");
  });
});
