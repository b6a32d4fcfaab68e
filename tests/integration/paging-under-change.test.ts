import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import { loader as organizationsApi } from "../../app/routes/api.v1.organizations";
import { changeRole, listStaff, setUserDisabled } from "../../models/accounts/accounts-admin.server";
import { listAuditEvents, recordAudit } from "../../models/moderation/audit.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { listOrganizations } from "../../models/catalog/catalog.server";
import { catalogChanged } from "../../models/catalog/catalog-cache.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { listApprovedFeedback } from "../../models/feedback/feedback-read.server";
import { reverseDecision } from "../../models/moderation/moderation.server";
import { listQueue } from "../../models/moderation/moderation-queue.server";
import { createUser } from "../../models/accounts/users-admin.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { callLoader } from "./route-call";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();

type Page<T> = { items: T[]; nextCursor: string | null };

/** Walks a keyset list page by page, running `between` after every page but the last; the keys seen, in order, and the page count. */
async function walk<T>(next: (cursor?: string) => Promise<Page<T>>, key: (item: T) => string, between: (page: number) => Promise<void>) {
  const seen: string[] = [];
  let cursor: string | undefined;
  for (let page = 1; page <= 50; page++) {
    const result = await next(cursor);
    seen.push(...result.items.map(key));
    if (!result.nextCursor) return { seen, pages: page };
    cursor = result.nextCursor;
    await between(page);
  }
  throw new Error("the walk did not end within 50 pages");
}

/** No key twice, and every key that existed before the walk was seen. */
function expectWalkedOnce(walked: { seen: string[]; pages: number }, existing: string[]) {
  expect(existing.length).toBeGreaterThan(0);
  expect(walked.pages).toBeGreaterThan(2);
  expect(walked.seen.filter((key, i) => walked.seen.indexOf(key) !== i)).toEqual([]);
  expect(existing.filter((key) => !walked.seen.includes(key))).toEqual([]);
}

describe("keyset lists while items are added and decided between pages", () => {
  it("the catalogue and the open-data API list each organization once", async () => {
    await createPeriod({ code: "2011" });
    const codes = Array.from({ length: 10 }, (_, i) => `PG-${String((i + 1) * 10).padStart(3, "0")}`);
    const orgs = new Map<string, { evaluationId: string }>();
    for (const code of codes) orgs.set(code, await createRatedOrganization({ code, name: `Chi bộ ${code}`, period: "2011" }));

    let added = 0;
    /** Between pages: an organization before the cursor and one after it, a rating changed, a comment decided. */
    const change = async (page: number) => {
      added += 1;
      await createRatedOrganization({ code: `PG-00${added}`, name: `Chi bộ mới đầu ${added}`, period: "2011" });
      await createRatedOrganization({ code: `PG-9${added}0`, name: `Chi bộ mới cuối ${added}`, period: "2011" });
      const target = orgs.get(codes[(page * 3) % codes.length]!)!;
      await Evaluation.updateOne({ _id: target.evaluationId }, { $set: { rating: page % 2 ? "yeu-kem" : "hoan-thanh" } });
      await catalogChanged();
      await decide(await submitFeedback(target, "agree"), "approved");
    };

    const inModel = await walk(
      (cursor) => listOrganizations({ period: "2011", cursor, limit: 3 }),
      (item) => item.code,
      change,
    );
    expectWalkedOnce(inModel, codes);

    const existing = [...inModel.seen];
    const throughApi = await walk(
      async (cursor) => {
        const response = await callLoader(
          organizationsApi,
          `/api/v1/organizations?period=2011&limit=4${cursor ? `&cursor=${cursor}` : ""}`,
        );
        expect(response.status).toBe(200);
        return (await response.json()) as Page<{ code: string }>;
      },
      (item) => item.code,
      change,
    );
    expectWalkedOnce(throughApi, existing);
  });

  it("the audit trail lists each event once while new ones are recorded", async () => {
    const record = (n: string) =>
      recordAudit({ actor: { email: "paging@example.vn" }, action: "user.create", targetType: "user", targetId: n });
    for (let i = 0; i < 9; i++) await record(`before-${i}`);
    // Every event in the trail before the walk, whichever tests ran first.
    const existing = (await AuditEvent.find({}, { _id: 1 }).lean()).map((event) => String(event._id));

    const walked = await walk(
      (cursor) => listAuditEvents({ cursor, limit: 2 }),
      (event) => event.id,
      async (page) => {
        await record(`during-${page}-a`);
        await record(`during-${page}-b`);
      },
    );
    expectWalkedOnce(walked, existing);
  });

  it("the staff list lists each account once while accounts are added, re-roled and disabled", async () => {
    const actor = { email: "paging@example.vn" };
    const existing = Array.from({ length: 8 }, (_, i) => `m${i}-paging@example.vn`);
    const ids = new Map<string, string>();
    for (const email of existing)
      ids.set(email, (await createUser({ email, role: "moderator", password: "a long enough password", actor })).id);
    // An admin nobody disables, so disabling one the walk made admin is never refused as the last admin's.
    await createUser({ email: "keeper-paging@example.vn", role: "admin", password: "a long enough password", actor });

    const walked = await walk(
      (cursor) => listStaff({ cursor, limit: 2 }),
      (account) => account.email,
      async (page) => {
        await createUser({ email: `a${page}-paging@example.vn`, role: "committee", password: "a long enough password", actor });
        await createUser({ email: `z${page}-paging@example.vn`, role: "committee", password: "a long enough password", actor });
        const at = (i: number) => ids.get(existing[i % existing.length]!)!;
        await changeRole({ userId: at(page * 2 + 1), role: "admin", actor });
        await setUserDisabled({ userId: at(page - 1), disabled: true, actor });
      },
    );
    expectWalkedOnce(walked, existing);
  });

  it("the moderation queue lists each pending item once while items arrive and are decided", async () => {
    await createPeriod({ code: "2013" });
    const target = await createRatedOrganization({ code: "PQ-001", name: "Chi bộ hàng chờ", period: "2013" });
    const existing: string[] = [];
    for (let i = 0; i < 15; i++) existing.push((await submitFeedback(target, i % 2 ? "agree" : "disagree")).id);
    const passed = new Set<string>();
    const skippedAhead = new Set<string>();

    const walked = await walk(
      (cursor) => listQueue({ filters: { status: "pending", period: "2013" }, cursor, limit: 3 }),
      (item) => item.id,
      async (page) => {
        await submitFeedback(target, "agree");
        // Decided between pages: one the walk has passed and, early on, the newest it has not reached yet.
        const behind = existing[page - 1]!;
        await decide({ id: behind, evaluationId: target.evaluationId }, "approved");
        passed.add(behind);
        if (page <= 3) {
          const ahead = existing[existing.length - page]!;
          await decide({ id: ahead, evaluationId: target.evaluationId }, "rejected");
          skippedAhead.add(ahead);
        }
        await submitFeedback(target, "disagree");
      },
    );
    expectWalkedOnce(
      walked,
      existing.filter((id) => !passed.has(id) && !skippedAhead.has(id)),
    );
    // Decided before the walk reached it: gone from the queue, not shown stale.
    expect(skippedAhead.size).toBe(3);
    expect(walked.seen.filter((id) => skippedAhead.has(id))).toEqual([]);
  });

  it("the organization page lists each approved comment once while comments are published and withdrawn", async () => {
    await createPeriod({ code: "2014" });
    const target = await createRatedOrganization({ code: "PA-001", name: "Chi bộ bình luận", period: "2014" });
    const admin = { id: new Types.ObjectId().toString(), email: "paging-admin@example.vn", role: "admin" as const };
    // More than one feed bucket (25 slots each), oldest published first.
    const existing: string[] = [];
    for (let i = 0; i < 30; i++) existing.push((await decide(await submitFeedback(target, "agree"), "approved")).id);
    const withdrawn = new Set<string>();

    const walked = await walk(
      (cursor) => listApprovedFeedback({ evaluationIds: [target.evaluationId], cursor, limit: 4 }),
      (item) => item.id,
      async (page) => {
        // Published between pages: newer than anything listed, so ahead of the walk's start.
        await decide(await submitFeedback(target, "agree"), "approved");
        await submitFeedback(target, "neutral");
        // Withdrawn between pages: the oldest still shown, which the walk (newest first) has not reached.
        const oldest = existing.find((id) => !withdrawn.has(id))!;
        await reverseDecision({ id: oldest, to: "rejected", reason: "other", note: `paging ${page}`, admin });
        withdrawn.add(oldest);
        await decide(await submitFeedback(target, "disagree"), "approved");
      },
    );
    expectWalkedOnce(
      walked,
      existing.filter((id) => !withdrawn.has(id)),
    );
    expect(walked.seen.filter((id) => withdrawn.has(id))).toEqual([]);
  });
});
