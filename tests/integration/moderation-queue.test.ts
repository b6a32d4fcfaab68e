import { beforeAll, describe, expect, it } from "vitest";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { moderationStats, publicRejections } from "../../models/moderation/moderation-stats.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const HOUR = 3_600_000;

beforeAll(async () => {
  await createPeriod();
});

describe("the moderation queue", () => {
  it("lists pending items oldest first with flags and context, filters in the query and pages by keyset", async () => {
    const bienHoa = await createRatedOrganization({
      code: "DN-0201",
      name: "Chi bộ Khu phố 2",
      period: "2011",
      district: "Biên Hòa",
      rating: "tsvm",
    });
    const xuanLoc = await createRatedOrganization({ code: "DN-0202", name: "Đảng bộ xã Xuân Hòa", period: "2011", district: "Xuân Lộc" });
    const now = Date.now();
    const items = [];
    for (let i = 0; i < 5; i++) {
      items.push(
        await createPendingFeedback({
          ...bienHoa,
          district: "Biên Hòa",
          createdAt: new Date(now - (10 - i) * HOUR),
          stance: i % 2 ? "disagree" : "agree",
        }),
      );
    }
    const flagged = await createPendingFeedback({
      ...xuanLoc,
      district: "Xuân Lộc",
      createdAt: new Date(now - 20 * HOUR),
      flags: [{ kind: "phone", detail: "09•••••567" }],
    });

    const first = await listQueue({ filters: { status: "pending" }, limit: 4 });
    expect(first.items.map((item) => item.id)).toEqual([flagged.id, ...items.slice(0, 3).map((item) => item.id)]);
    expect(first.items[0]).toMatchObject({
      flags: [{ kind: "phone", detail: "09•••••567" }],
      context: { orgCode: "DN-0202", district: "Xuân Lộc" },
    });
    expect(first.items[1]?.context).toMatchObject({
      orgName: "Chi bộ Khu phố 2",
      rating: "tsvm",
      ratingLabel: { vi: expect.any(String) },
      counters: { pending: 5 },
    });
    expect(JSON.stringify(first)).not.toContain("0901234567");

    const second = await listQueue({ filters: { status: "pending" }, cursor: first.nextCursor!, limit: 4 });
    expect(second.items.map((item) => item.id)).toEqual(items.slice(3).map((item) => item.id));
    expect(second.nextCursor).toBeNull();

    expect((await listQueue({ filters: { status: "pending", flagged: true }, limit: 10 })).items.map((i) => i.id)).toEqual([flagged.id]);
    expect((await listQueue({ filters: { status: "pending", district: "Biên Hòa", stance: "disagree" }, limit: 10 })).items).toHaveLength(
      2,
    );
    expect((await listQueue({ filters: { status: "pending", organization: "DN-0202" }, limit: 10 })).items).toHaveLength(1);
    expect((await listQueue({ filters: { status: "pending", organization: "NO-SUCH" }, limit: 10 })).items).toHaveLength(0);
    expect((await listQueue({ filters: { status: "pending", period: "1999" }, limit: 10 })).items).toHaveLength(0);
  });

  it("statistics count the queue, decisions per day, the median wait and rejection reasons", async () => {
    const org = await createRatedOrganization({ code: "DN-0203", name: "Chi bộ Ấp 3", period: "2011" });
    const moderator = await createStaff("moderator");
    const a = await createPendingFeedback({ ...org, createdAt: new Date(Date.now() - 2 * HOUR) });
    const b = await createPendingFeedback({ ...org, createdAt: new Date(Date.now() - 4 * HOUR) });
    const c = await createPendingFeedback({ ...org, createdAt: new Date(Date.now() - 6 * HOUR) });
    const before = await moderationStats();
    await decideFeedback({ id: a.id, decision: "approve", moderator });
    await decideFeedback({ id: b.id, decision: "reject", reason: "spam", moderator });
    await decideFeedback({ id: c.id, decision: "reject", reason: "personal-data", moderator });
    const stats = await moderationStats();
    expect(stats.queue.pending).toBe(before.queue.pending - 3);
    expect(stats.decisions).toBe(before.decisions + 3);
    expect(stats.perDay).toHaveLength(30);
    expect(stats.perDay.at(-1)).toMatchObject({ approved: 1, rejected: 2 });
    expect(stats.medianMinutes).toBeGreaterThanOrEqual(239);
    expect(stats.medianMinutes).toBeLessThanOrEqual(241);
    expect(stats.reasons).toEqual([
      { reason: "spam", count: 1 },
      { reason: "personal-data", count: 1 },
    ]);
    // The same counts are public, per evaluation, for the organization page's transparency line.
    expect(await publicRejections({ organizationCode: "DN-0203" })).toEqual({ [org.evaluationId]: { spam: 1, "personal-data": 1 } });
  });
});
