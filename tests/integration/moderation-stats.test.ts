import { describe, expect, it } from "vitest";
import { DecisionDay, rebuildDecisionDays } from "../../models/moderation/decision-days.server";
import { requestRemoval, resolveFollowUp } from "../../models/feedback/follow-up.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { moderationStats } from "../../models/moderation/moderation-stats.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

/** The statistics page as a committee member's browser gets it. */
async function statsPage(cookie: string, lang: string): Promise<string> {
  const response = await fetch(http.url(`/moderation/stats?lng=${lang}`), { headers: { cookie } });
  expect(response.status).toBe(200);
  return response.text();
}

/** The cells of today's row (the last) in the per-day table captioned `caption`. */
function todayCells(html: string, caption: string): string[] {
  const table = html.slice(html.indexOf(`<caption>${caption}</caption>`));
  const rows = table.slice(0, table.indexOf("</table>")).split("<tr>");
  return [...rows.at(-1)!.matchAll(/<td class="num">([^<]*)<\/td>/g)].map((match) => match[1]!);
}

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

  it("shows published comments kept or removed after review per day, once per decision, and a rebuild finds no drift", async () => {
    await createPeriod({ code: "2012" });
    const org = await createRatedOrganization({ code: "DN-0302", name: "Chi bộ Ấp 2", period: "2012" });
    const [moderator, other, committee] = await Promise.all([createStaff("moderator"), createStaff("moderator"), createStaff("committee")]);
    const before = await moderationStats({ now: new Date() });
    const today = before.perDay.at(-1)!;
    const published = [await createPendingFeedback({ ...org, period: "2012" }), await createPendingFeedback({ ...org, period: "2012" })];
    for (const item of published) {
      await decideFeedback({ id: item.id, decision: "approve", moderator });
      await requestRemoval({ trackingCode: item.trackingCode });
    }

    await resolveFollowUp({ id: published[0]!.id, decision: "keep", moderator });
    // Two moderators remove the other at once: one decision, counted once.
    const removals = await Promise.allSettled(
      [moderator, other].map((m) => resolveFollowUp({ id: published[1]!.id, decision: "remove", moderator: m })),
    );
    expect(removals.map((r) => r.status).sort()).toEqual(["fulfilled", "rejected"]);

    const english = await statsPage(committee.cookie, "en");
    expect(english).toContain(`<th scope="col" class="num">Kept after review</th>`);
    expect(english).toContain(`<th scope="col" class="num">Removed after review</th>`);
    expect(english).toContain(`${before.decisions + 4} decisions in all.`);
    const expected = [today.approved + 2, today.rejected, today.kept + 1, today.removed + 1].map(String);
    expect(todayCells(english, "Decisions per day")).toEqual(expected);
    expect(todayCells(await statsPage(committee.cookie, "vi"), "Số quyết định theo ngày")).toEqual(expected);

    expect((await recountCounters({ period: "2012", dryRun: true })).drifts).toEqual([]);
    expect(await rebuildDecisionDays()).toBe(0);
    await DecisionDay.deleteMany({});
    expect(await rebuildDecisionDays()).toBe(1);
    expect((await moderationStats({ now: new Date() })).perDay.at(-1)).toMatchObject({ kept: today.kept + 1, removed: today.removed + 1 });
  });
});
