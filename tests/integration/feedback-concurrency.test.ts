import { beforeAll, describe, expect, it } from "vitest";
import { Feedback } from "../../models/feedback/feedback.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { pendingCount, postFeedback } from "./feedback-call";

setupTestDatabase();

beforeAll(async () => {
  await createPeriod({ code: "2011" });
});

/** An organization of the test's own, so no test sees another's comments (counts, duplicates, bursts). */
const ownTarget = (code: string) => createRatedOrganization({ code, name: `Đảng bộ phường Tân Hiệp ${code}`, period: "2011" });

describe("racing submissions", () => {
  it("50 concurrent posts on one evaluation raise pending by exactly 50", async () => {
    const target = await ownTarget("R1");
    const before = await pendingCount(target.evaluationId);
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        postFeedback({
          evaluation: target.evaluationId,
          stance: i % 3 === 0 ? "neutral" : "agree",
          body: `Ý kiến độc lập thứ ${i}: chi bộ ${i % 2 ? "làm tốt" : "cần cố gắng"} việc số ${i * 7}`,
        }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(50).fill(201));
    expect(new Set(results.map((r) => r.json.trackingCode)).size).toBe(50);
    expect(await pendingCount(target.evaluationId)).toBe(before + 50);
    expect(await Feedback.countDocuments({ evaluation: target.evaluationId, status: "pending" })).toBe(before + 50);
  });

  it("the same text raced ten times is stored once and counted once", async () => {
    const target = await ownTarget("R2");
    const before = await pendingCount(target.evaluationId);
    const results = await Promise.all(
      Array.from({ length: 10 }, () =>
        postFeedback({ evaluation: target.evaluationId, stance: "agree", body: "Cùng một nội dung gửi nhiều lần" }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
    expect(await pendingCount(target.evaluationId)).toBe(before + 1);
  });

  it("flags a burst of similar items on one organization as a campaign signal", async () => {
    const target = await ownTarget("R3");
    const results = [];
    for (let i = 0; i < 6; i++)
      results.push(
        await postFeedback({
          evaluation: target.evaluationId,
          stance: "disagree",
          proposedRating: "yeu-kem",
          body: `Đề nghị xếp loại yếu kém, chi bộ này không xứng đáng được khen lần ${i}`,
        }),
      );
    const flags = await Feedback.find(
      { trackingCode: { $in: results.map((r) => String(r.json.trackingCode)) } },
      { trackingCode: 1, flags: 1 },
    ).lean();
    const burst = (code: unknown) => flags.find((f) => f.trackingCode === code)?.flags.find((f) => f.kind === "burst")?.detail ?? null;
    // Detected at the fifth, the wave flags the four before it too (tests/integration/campaign-waves.test.ts).
    expect(results.map((r) => burst(r.json.trackingCode))).toEqual(["5", "5", "5", "5", "5", "6"]);
  });
});
