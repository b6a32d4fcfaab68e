import { describe, expect, it } from "vitest";
import { DecisionDay, rebuildDecisionDays } from "../../models/moderation/decision-days.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { moderationStats } from "../../models/moderation/moderation-stats.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const HOUR = 3_600_000;

describe("moderation statistics from the queue, the decision days and the counters", () => {
  it("ages the queue, tallies decisions per day with their waits, and a rebuild restores a lost tally", async () => {
    await createPeriod();
    const org = await createRatedOrganization({ code: "DN-0301", name: "Chi bộ Ấp 1", period: "2011" });
    const moderator = await createStaff("moderator");
    const ago = (hours: number) => new Date(Date.now() - hours * HOUR);
    const oldest = ago(8 * 24);
    await createPendingFeedback({ ...org, createdAt: oldest, flags: [{ kind: "link", detail: "example.vn" }] });
    await createPendingFeedback({ ...org, createdAt: ago(30) });
    const decided = [
      await createPendingFeedback({ ...org, createdAt: ago(1) }),
      await createPendingFeedback({ ...org, createdAt: ago(3) }),
    ];

    await decideFeedback({ id: decided[0]!.id, decision: "approve", moderator });
    await decideFeedback({ id: decided[1]!.id, decision: "reject", reason: "off-topic", moderator });
    const stats = await moderationStats();
    expect(stats.queue).toMatchObject({ pending: 2, flagged: 1, olderThanDay: 2, olderThanWeek: 1 });
    expect(stats.queue.oldestAt).toBe(oldest.toISOString());
    expect(stats.decisions).toBe(2);
    expect(stats.perDay.at(-1)).toMatchObject({ approved: 1, rejected: 1 });
    // Waits of about 60 and 180 minutes: the median is their mean.
    expect(stats.medianMinutes).toBeGreaterThanOrEqual(119);
    expect(stats.medianMinutes).toBeLessThanOrEqual(121);
    expect(stats.reasons).toEqual([{ reason: "off-topic", count: 1 }]);

    await DecisionDay.deleteMany({});
    expect(await rebuildDecisionDays()).toBe(1);
    expect(await rebuildDecisionDays()).toBe(0);
    const rebuilt = await moderationStats({ now: new Date() });
    expect({ decisions: rebuilt.decisions, median: rebuilt.medianMinutes, today: rebuilt.perDay.at(-1) }).toEqual({
      decisions: 2,
      median: stats.medianMinutes,
      today: stats.perDay.at(-1),
    });
  });
});
