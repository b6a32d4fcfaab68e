import { describe, expect, it } from "vitest";
import { loader as editLoader } from "../../app/routes/admin.organizations.$code";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { readFeedHead } from "../../models/feedback/feed-bucket.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { MERGE_SETTLE_MS, mergeProgress, mergeStep } from "../../models/catalog/merge-job.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { QueueEntry } from "../../models/moderation/queue-entry.server";
import { recountCounters } from "../../models/summary/recount.server";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";
import { postFeedback } from "./feedback-call";
import { createDuplicatePair, setupOrganizationAdmin } from "./organization-admin";

setupTestDatabase();
const { admin, edit } = setupOrganizationAdmin();

describe("merging organizations as a resumable job", () => {
  it("moves every comment to the target, including ones arriving during the merge, and counters equal a recount", async () => {
    const pair = { code: "TB-1", name: "Đảng bộ xã Tân Bình", district: "Vĩnh Cửu", duplicateDistrict: "Trảng Bom" };
    const { target, duplicate } = await createDuplicatePair(pair);
    const onDuplicate = { ...duplicate, period: "2012", district: "Trảng Bom" };
    const moderator = await createStaff("moderator");
    const items = [];
    for (let i = 0; i < 4; i++) items.push(await createPendingFeedback(onDuplicate));
    await decideFeedback({ id: items[0]!.id, decision: "approve", moderator });
    await decideFeedback({ id: items[1]!.id, decision: "reject", reason: "spam", moderator });

    const merged = await edit("TB-1B", { intent: "merge", into: "TB-1" });
    expect(merged.status).toBe(302);
    expect(await mergeProgress({ organizationId: duplicate.organizationId })).toMatchObject({ into: "TB-1", status: "running", moved: 0 });
    expect(String((await Evaluation.findById(duplicate.evaluationId, { organization: 1 }).lean())?.organization)).toBe(
      target.organizationId,
    );
    const again = await edit("TB-1B", { intent: "merge", into: "TB-1" });
    expect(again.data).toMatchObject({ errors: { into: "Tổ chức này đã được gộp hoặc đang được gộp." } });

    expect(await mergeStep({ id: duplicate.organizationId, owner: "first", listLimit: 2 })).toBe("moving");
    expect(await mergeProgress({ organizationId: duplicate.organizationId })).toMatchObject({ moved: 2 });
    // Meanwhile a resident comments through the API (stored on the target at once), and an instance whose catalog
    // had not seen the merge yet stores one on the duplicate.
    const posted = await postFeedback({
      evaluation: duplicate.evaluationId,
      stance: "agree",
      body: "Ý kiến gửi trong lúc gộp: đảng bộ làm tốt việc dân vận.",
    });
    expect(posted.status).toBe(201);
    await createPendingFeedback(onDuplicate);

    // The first worker stops (a crash); a second one waits for its lease, then resumes and catches the straggler.
    expect(await mergeStep({ id: duplicate.organizationId, owner: "second" })).toBe("busy");
    const later = new Date(Date.now() + Math.max(MERGE_SETTLE_MS, 60_000) + 1000);
    let steps = 0;
    while ((await mergeStep({ id: duplicate.organizationId, owner: "second", now: later })) === "moving") steps++;
    expect(steps).toBeGreaterThan(0);
    expect(await mergeStep({ id: duplicate.organizationId, owner: "third", now: later })).toBe("done");

    expect(await mergeProgress({ organizationId: duplicate.organizationId })).toMatchObject({ status: "done", moved: 5 });
    expect(await Feedback.countDocuments({ organization: duplicate.organizationId })).toBe(0);
    expect(
      await Feedback.countDocuments({ evaluation: duplicate.evaluationId, organization: target.organizationId, district: "Vĩnh Cửu" }),
    ).toBe(6);
    expect(await QueueEntry.countDocuments({ organization: target.organizationId })).toBe(4);
    expect((await readFeedHead(target.organizationId)).published).toBe(1);
    expect((await recountCounters({ dryRun: true })).drifts).toEqual([]);
    expect((await Evaluation.findById(duplicate.evaluationId, { counters: 1 }).lean())?.counters).toMatchObject({ agree: 1, pending: 4 });

    const page = await callRoute(editLoader, "/admin/organizations/TB-1B", { cookie: admin.cookie, params: { code: "TB-1B" } });
    expect((page.data as { merge: { status: string; moved: number } }).merge).toMatchObject({ status: "done", moved: 5 });
  });
});
