import { randomBytes } from "node:crypto";
import mongoose, { Types } from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { listStaff } from "../../models/accounts/accounts-admin.server";
import { listAuditEvents } from "../../models/moderation/audit.server";
import { loadSnapshot } from "../../models/catalog/catalog-snapshot.server";
import { connectDatabase, disconnectDatabase, isFerretDB } from "../../models/db/connection.server";
import { encodeCursor } from "../../models/db/cursor";
import { rebuildDecisionDays } from "../../models/moderation/decision-days.server";
import { exportPeriodCsv } from "../../models/import/export.server";
import { listPeriodCodes, listQueue } from "../../models/moderation/moderation-queue.server";
import { moderationStats } from "../../models/moderation/moderation-stats.server";
import { getOrganizationAdmin, listOrganizationsAdmin } from "../../models/catalog/organizations-admin.server";
import { feedbackPerDay, rebuildParticipation } from "../../models/summary/participation.server";
import { listPeriods } from "../../models/catalog/period.server";
import { scaleKeysInUse } from "../../models/catalog/periods-admin.server";
import { campaignFlagsByEvaluation } from "../../models/summary/summary-activity.server";
import { listWords } from "../../models/feedback/word-list.server";
import { listCases } from "../../models/review/review-case.server";
import { listReplies } from "../../models/replies/reply-list.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { explainRead, planProblems, readsEverything, recordReads, winningStages } from "../support/explain";

// Connected while the file is collected, because whether the server is FerretDB decides which tests run.
await connectDatabase({ uri: inject("databaseUri"), dbName: `test_${randomBytes(5).toString("hex")}` });
const embedded = isFerretDB();
afterAll(async () => {
  await mongoose.connection.db?.dropDatabase();
  await disconnectDatabase();
});

const PERIOD = "QP-2030";
const someId = () => String(new Types.ObjectId());
const dateCursor = () => encodeCursor({ k: "2030-03-01T00:00:00.000Z", id: someId() });

/** Each list and aggregation the product runs, driven through its public function with filters and a cursor. */
const SCENARIOS: [string, () => Promise<unknown>][] = [
  [
    "pending queue, every filter alone and a cursor",
    async () => {
      for (const filters of [
        {},
        { period: PERIOD },
        { district: "Biên Hòa" },
        { stance: "agree" as const },
        { flagged: true },
        { organization: "QP-1" },
      ]) {
        await listQueue({ filters: { status: "pending", ...filters }, cursor: dateCursor(), limit: 1 });
      }
    },
  ],
  [
    "decided lists, every filter alone and a cursor",
    async () => {
      for (const filters of [{}, { period: PERIOD }, { district: "Biên Hòa" }, { flagged: true }, { organization: "QP-1" }]) {
        await listQueue({ filters: { status: "approved", ...filters }, cursor: dateCursor(), limit: 1 });
      }
    },
  ],
  [
    "audit trail, by actor, action, target and date range, with a cursor",
    async () => {
      const cursor = dateCursor();
      await listAuditEvents({ cursor, limit: 2 });
      await listAuditEvents({ actorId: someId(), cursor, limit: 2 });
      await listAuditEvents({ actorId: someId(), action: "feedback.approve", cursor, limit: 2 });
      await listAuditEvents({ action: "feedback.approve", cursor, limit: 2 });
      await listAuditEvents({ targetId: someId(), cursor, limit: 2 });
      await listAuditEvents({ from: new Date("2030-01-01"), to: new Date("2030-02-01"), cursor, limit: 2 });
    },
  ],
  ["staff list with a cursor", () => listStaff({ cursor: encodeCursor({ k: "m@example.vn", id: someId() }), limit: 2 })],
  [
    "organizations admin list, search and one by code",
    async () => {
      await listOrganizationsAdmin({ cursor: encodeCursor({ k: "QP-0", id: someId() }) });
      await listOrganizationsAdmin({ q: "chi bo" });
      await getOrganizationAdmin({ code: "QP-1" });
    },
  ],
  ["export of a period", () => exportPeriodCsv({ period: PERIOD })],
  [
    "catalogue snapshot load and period lists",
    async () => {
      await loadSnapshot();
      await listPeriods({ includeDrafts: true });
      await listPeriods();
      await listPeriodCodes();
    },
  ],
  ["moderation statistics", () => moderationStats({ now: new Date("2030-03-15T00:00:00Z") })],
  [
    "summary activity: campaign flags by evaluation, participation per day",
    async () => {
      await campaignFlagsByEvaluation({ period: PERIOD });
      await feedbackPerDay({ period: PERIOD });
    },
  ],
  ["a period's scale keys in use", () => scaleKeysInUse({ period: PERIOD })],
  ["word lists", () => listWords()],
  [
    "a period's re-review cases, decided and unresolved",
    async () => {
      await listCases({ period: PERIOD, statuses: ["decided"] });
      await listCases({ period: PERIOD, statuses: ["open", "under-review"] });
    },
  ],
  ["official replies for moderators, with a cursor", () => listReplies({ cursor: dateCursor(), limit: 2 })],
  [
    "one period's participation rebuild and the decision days' rebuild",
    async () => {
      await rebuildParticipation({ period: PERIOD });
      await rebuildDecisionDays({ days: 7, now: new Date("2030-03-15T00:00:00Z") });
    },
  ],
];

describe("query plans on MongoDB", () => {
  beforeAll(async () => {
    if (embedded) return;
    await createPeriod({ code: PERIOD, year: 2030 });
    const org = await createRatedOrganization({ code: "QP-1", name: "Chi bộ QP", period: PERIOD });
    await createPendingFeedback({ evaluationId: org.evaluationId, organizationId: org.organizationId, period: PERIOD });
    await createStaff("admin", "qp-admin@example.vn");
  });

  // FerretDB's explain describes its SQLite queries, not MongoDB's planner: these plans are checked only on a MongoDB.
  it.skipIf(embedded).each(SCENARIOS)("%s: every read uses an index and sorts without a blocking SORT", async (_name, scenario) => {
    const reads = (await recordReads(scenario)).filter((read) => !readsEverything(read));
    expect(reads.length).toBeGreaterThan(0);
    const problems: string[] = [];
    for (const read of reads) {
      for (const problem of planProblems(winningStages(await explainRead(read))))
        problems.push(`${read.collection}.${read.method} ${JSON.stringify(read.args[0])}: ${problem}`);
    }
    expect(problems).toEqual([]);
  });
});
