import { beforeAll, describe, expect, it } from "vitest";
import { listAuditEvents } from "../../models/moderation/audit.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

// Apart from the queue statistics (moderation-queue.test.ts), whose counts these decisions would move.
setupTestDatabase();

beforeAll(async () => {
  await createPeriod();
});

describe("the moderation audit trail", () => {
  it("shows moderators their own events and admins everyone's, filtered by action", async () => {
    const org = await createRatedOrganization({ code: "DN-0204", name: "Chi bộ Ấp 4", period: "2011" });
    const mine = await createStaff("moderator");
    const theirs = await createStaff("moderator");
    await decideFeedback({ id: (await createPendingFeedback(org)).id, decision: "approve", moderator: mine });
    await decideFeedback({ id: (await createPendingFeedback(org)).id, decision: "approve", moderator: theirs });
    const own = await listAuditEvents({ actorId: mine.id, action: "feedback.approve", limit: 10 });
    expect(own.items.map((e) => e.actorEmail)).toEqual([mine.email]);
    const all = await listAuditEvents({ action: "feedback.approve", limit: 1 });
    expect(all.items[0]?.actorEmail).toBe(theirs.email);
    const next = await listAuditEvents({ action: "feedback.approve", limit: 1, cursor: all.nextCursor! });
    expect(next.items[0]?.actorEmail).toBe(mine.email);
  });
});
