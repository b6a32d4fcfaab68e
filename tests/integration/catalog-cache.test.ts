import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { action as importAction } from "../../app/routes/admin.import";
import { loader as detailApi } from "../../app/routes/api.v1.organizations.$code";
import { loader as listApi } from "../../app/routes/api.v1.organizations";
import { loader as summaryApi } from "../../app/routes/api.v1.summary";
import { bumpCatalogVersion } from "../../models/catalog/catalog-version.server";
import { getEvaluationTarget } from "../../models/catalog/evaluation-target.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";
import { createFeedback } from "../../models/feedback/feedback-intake.server";
import { importResults } from "../../models/import/import.server";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { updateOrganization } from "../../models/catalog/organizations-admin.server";
import { feedbackPerDay } from "../../models/summary/participation.server";
import { createPeriod } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";
import { callLoader } from "./route-call";

setupTestDatabase();

const good = readFileSync(new URL("../fixtures/import-2011-good.csv", import.meta.url), "utf8");
let admin: Awaited<ReturnType<typeof createStaff>>;

interface Detail {
  evaluations: { id: string; rating: string; counters: { agree: number; disagree: number; neutral: number; pending: number } }[];
}
interface Page {
  items: { code: string; rating: string; counters: Record<string, number> }[];
  total: number;
}

async function json<T>(response: unknown): Promise<T> {
  return (await (response as Response).json()) as T;
}
const detail = async (code: string) =>
  (await json<Detail>(await callLoader(detailApi, `/api/v1/organizations/${code}`, { code }))).evaluations[0]!;
const list = (query: string) => callLoader(listApi, `/api/v1/organizations?period=2011&limit=100&${query}`).then(json<Page>);
/** The header and `code`'s row only, re-rated: the import leaves the other organizations as they are, whatever other tests did to them. */
const withRating = (text: string, code: string, from: string, to: string) =>
  text
    .split("\n")
    .filter((line, i) => i === 0 || line.startsWith(`${code},`))
    .map((line) => (line.startsWith(`${code},`) ? line.replace(`,${from},`, `,${to},`) : line))
    .join("\n");

beforeAll(async () => {
  admin = await createStaff("admin");
  await createPeriod({ code: "2011" });
  await importResults({ bytes: new TextEncoder().encode(good), period: "2011", source: "cli" });
  // Every test starts from a warm catalog, the state a serving process is in.
  expect((await list("")).total).toBe(10);
});

describe("the public catalog in memory", () => {
  it("shows a new comment and its moderation decision at once on the organization, the list and the summary", async () => {
    const before = await detail("IMP-001");
    const target = (await getEvaluationTarget({ evaluationId: before.id }))!;
    expect(target).toMatchObject({ id: before.id, period: "2011", window: "open" });
    const receivedBefore = (await feedbackPerDay({ period: "2011" })).reduce((sum, day) => sum + day.total, 0);

    const { trackingCode } = await createFeedback({
      target,
      stance: "disagree",
      proposedRating: "yeu-kem",
      body: "Chi bộ chưa họp dân lần nào trong năm.",
      isResident: true,
      locale: "vi",
    });
    expect((await detail("IMP-001")).counters).toEqual({ ...before.counters, pending: before.counters.pending + 1 });
    expect((await feedbackPerDay({ period: "2011" })).reduce((sum, day) => sum + day.total, 0)).toBe(receivedBefore + 1);

    const item = await Feedback.findOne({ trackingCode }, { _id: 1 }).lean();
    await decideFeedback({ id: String(item!._id), decision: "approve", moderator: { id: admin.id, email: admin.email, role: "admin" } });
    const after = { ...before.counters, disagree: before.counters.disagree + 1 };
    expect((await detail("IMP-001")).counters).toEqual(after);
    expect((await list("q=trung dung")).items[0]?.counters).toEqual(after);
    const summary = await json<{ rows: { key: string; disagree: number }[] }>(
      await callLoader(summaryApi, "/api/v1/summary?period=2011&groupBy=organization"),
    );
    expect(summary.rows.find((row) => row.key === "IMP-001")?.disagree).toBe(after.disagree);
  });

  it("shows a rating changed by an import at once on the list and the organization", async () => {
    expect((await detail("IMP-002")).rating).toBe("tsvm");
    const report = await importResults({
      bytes: new TextEncoder().encode(withRating(good, "IMP-002", "tsvm", "yeu-kem")),
      period: "2011",
      source: "cli",
    });
    expect(report).toMatchObject({ applied: true, changed: 1 });
    expect((await detail("IMP-002")).rating).toBe("yeu-kem");
    expect((await list("rating=yeu-kem")).items.map((item) => item.code)).toContain("IMP-002");
  });

  it("shows a rating an admin changes through the import page at once", async () => {
    expect((await detail("IMP-003")).rating).toBe("hoan-thanh-tot");
    const csv = withRating(good, "IMP-003", "hoan-thanh-tot", "tsvm-tieu-bieu");
    const applied = await callRoute(importAction, "/admin/import", {
      cookie: admin.cookie,
      form: { intent: "apply", period: "2011", csv },
    });
    expect(applied.data).toMatchObject({ report: { applied: true } });
    expect((await detail("IMP-003")).rating).toBe("tsvm-tieu-bieu");
    expect((await list("rating=tsvm-tieu-bieu")).items.map((item) => item.code)).toContain("IMP-003");
  });

  it("finds an organization by the name an admin just gave it", async () => {
    await updateOrganization({
      code: "IMP-004",
      input: { code: "IMP-004", name: "Chi bộ Ấp Đồi Mới", kind: "chi-bo-co-so", district: "Biên Hòa", members: 40 },
      actor: admin,
    });
    expect((await list("q=doi moi")).items.map((item) => item.code)).toEqual(["IMP-004"]);
  });

  it("sees a change another process announced through the version document", async () => {
    // As `npm run import` in another process leaves it: the rows written, the version token moved, nothing said to us.
    await Evaluation.updateOne({ period: "2011", orgCode: "IMP-005" }, { $set: { rating: "yeu-kem" } });
    await bumpCatalogVersion();
    await vi.waitFor(async () => expect((await detail("IMP-005")).rating).toBe("yeu-kem"), { timeout: 10_000, interval: 200 });
  });
});
