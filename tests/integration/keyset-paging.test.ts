import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { listStaff } from "../../models/accounts/accounts-admin.server";
import { listAuditEvents } from "../../models/moderation/audit.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { exportPeriodCsv } from "../../models/import/export.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { createPeriod } from "../fixtures/catalog";
import { plainEvaluation } from "../fixtures/evaluation-row";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

/** Follows nextCursor to the end, collecting every page's ids. */
async function allPages(page: (cursor?: string) => Promise<{ items: { id: string }[]; nextCursor: string | null }>): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | undefined;
  for (let n = 0; n < 100; n++) {
    const result = await page(cursor);
    ids.push(...result.items.map((item) => item.id));
    if (!result.nextCursor) return ids;
    cursor = result.nextCursor;
  }
  throw new Error("pages never ended");
}

describe("keyset pages bounded on their sort key", () => {
  it("the audit trail pages through events sharing one timestamp without skipping or repeating any", async () => {
    const tie = new Date("2026-11-29T03:00:00Z");
    const times = [
      new Date("2026-11-29T04:00:00Z"),
      ...Array<Date>(7).fill(tie),
      new Date("2026-11-29T02:00:00Z"),
      new Date("2026-11-28T02:00:00Z"),
    ];
    const docs = times.map((createdAt, i) => ({
      _id: new Types.ObjectId(),
      action: i % 3 ? "feedback.approve" : "auth.login",
      targetType: "feedback",
      targetId: `t${i % 2}`,
      createdAt,
    }));
    await AuditEvent.collection.insertMany(docs);
    const newestFirst = (list: typeof docs) =>
      [...list]
        .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || (String(b._id) < String(a._id) ? -1 : 1))
        .map((d) => String(d._id));

    // Unfiltered, the trail also holds whatever other tests in this file recorded (accounts they made).
    const everything = await AuditEvent.find({}, { action: 1, targetType: 1, targetId: 1, createdAt: 1 }).lean<typeof docs>();
    expect(everything.length).toBeGreaterThanOrEqual(docs.length);
    expect(await allPages((cursor) => listAuditEvents({ cursor, limit: 2 }))).toEqual(newestFirst(everything));
    expect(await allPages((cursor) => listAuditEvents({ action: "feedback.approve", cursor, limit: 2 }))).toEqual(
      newestFirst(docs.filter((d) => d.action === "feedback.approve")),
    );
    expect(await allPages((cursor) => listAuditEvents({ targetId: "t1", cursor, limit: 3 }))).toEqual(
      newestFirst(docs.filter((d) => d.targetId === "t1")),
    );
    const from = new Date("2026-11-29T00:00:00Z");
    const to = new Date("2026-11-29T03:30:00Z");
    const inRange = docs.filter((d) => d.createdAt >= from && d.createdAt < to);
    expect(await allPages((cursor) => listAuditEvents({ from, to, cursor, limit: 3 }))).toEqual(newestFirst(inRange));
  });

  it("a decided list pages oldest first through comments sharing one timestamp without skipping or repeating any", async () => {
    const tie = new Date("2026-11-20T03:00:00Z");
    const times = [new Date("2026-11-20T01:00:00Z"), ...Array<Date>(5).fill(tie), new Date("2026-11-20T05:00:00Z")];
    const docs = times.map((createdAt, i) => ({
      _id: new Types.ObjectId(),
      evaluation: new Types.ObjectId(),
      organization: new Types.ObjectId(),
      period: "KS-DECIDED",
      district: "Biên Hòa",
      stance: "agree",
      body: `b${i}`,
      publicBody: `b${i}`,
      isResident: false,
      locale: "vi",
      flags: [],
      trackingCode: `KS-${i}`,
      dedupeKey: `ks-decided-${i}`,
      status: "approved",
      createdAt,
    }));
    await Feedback.collection.insertMany(docs);
    const oldestFirst = [...docs]
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime() || (String(a._id) < String(b._id) ? -1 : 1))
      .map((d) => String(d._id));
    expect(await allPages((cursor) => listQueue({ filters: { status: "approved", period: "KS-DECIDED" }, cursor, limit: 2 }))).toEqual(
      oldestFirst,
    );
  });

  it("the staff list pages by email once through every account", async () => {
    const created = await Promise.all(["d", "a", "c", "b", "e"].map((letter) => createStaff("moderator", `${letter}-keyset@example.vn`)));
    const listed = await allPages((cursor) => listStaff({ cursor, limit: 2 }));
    expect(listed.filter((id) => created.some((c) => c.id === id))).toEqual(
      [...created].sort((a, b) => (a.email < b.email ? -1 : 1)).map((c) => c.id),
    );
    expect(new Set(listed).size).toBe(listed.length);
  });

  it("the export reads a period past its first 1,000-row page with every evaluation once", async () => {
    await createPeriod({ code: "2019" });
    const codes = Array.from({ length: 1003 }, (_, i) => `EX-${String(i).padStart(4, "0")}`);
    await Evaluation.collection.insertMany(
      codes.map((code) => plainEvaluation({ period: "2019", organization: new Types.ObjectId(), orgCode: code })),
    );
    const csv = await exportPeriodCsv({ period: "2019" });
    const exported = csv!
      .split(/\r?\n/)
      .slice(1)
      .filter(Boolean)
      .map((line) => line.split(",")[0]);
    expect(exported).toEqual(codes);
  });
});
