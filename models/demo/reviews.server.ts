import { Types } from "mongoose";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { ReviewCase, reviewCaseId } from "../review/review-case.server";
import { forgetKnownCases, openDueReviews } from "../review/review-open.server";
import { ReviewThresholdsModel, saveReviewThresholds } from "../review/review-thresholds.server";
import { decideReview, startReview } from "../review/review-workflow.server";

/** Who the demo's committee decisions are recorded as (no such user: the audit trail says "seed:demo"). */
const DEMO_COMMITTEE = { id: new Types.ObjectId("000000000000000000000d3c").toHexString(), email: "seed:demo" };

/**
 * 2011's thresholds open six cases on the demo's feedback (a 95% lower bound of the disagreement share
 * above 40% with 8 sides taken; no organization has 10 differing proposals).
 */
const DEMO_THRESHOLDS = { disagreement: { enabled: true, minLowerBound: 0.4, minSides: 8 }, proposals: { enabled: true, minCount: 10 } };

/**
 * Two of them decided: TB-050's rating changed from "hoàn thành tốt" to "hoàn thành" (the story's figures
 * keep their totals: both are "completed") and XL-018's "yếu kém" kept; the other four stay open.
 */
const DECISIONS = [
  {
    orgCode: "TB-050",
    input: {
      decision: "changed" as const,
      to: "hoan-thanh",
      note: "Ban Thường vụ xem xét lại sau khi lấy ý kiến nhân dân: công tác kiểm tra, giám sát chưa đạt yêu cầu, điều chỉnh xếp loại.",
    },
  },
  {
    orgCode: "XL-018",
    input: {
      decision: "kept" as const,
      note: "Ban Thường vụ xem xét lại: ý kiến nhân dân phù hợp với kết quả xếp loại yếu kém; giữ nguyên và tiếp tục củng cố.",
    },
  },
];

/** After the demo data is written: thresholds, the cases they open, two of them decided. Deterministic. */
export async function seedDemoReviews({ now }: { now: Date }): Promise<{ opened: number; decided: number }> {
  // The demo replaces the catalog, so the cases and thresholds of the one it replaced go too.
  await ReviewCase.deleteMany({});
  await ReviewThresholdsModel.deleteMany({});
  forgetKnownCases();
  await saveReviewThresholds({ period: "2011", thresholds: DEMO_THRESHOLDS, actor: DEMO_COMMITTEE });
  const opened = await openDueReviews({ period: "2011", actor: DEMO_COMMITTEE, now });
  const rows = (await catalogSnapshot()).rowsByPeriod.get("2011") ?? [];
  let decided = 0;
  for (const { orgCode, input } of DECISIONS) {
    const row = rows.find((candidate) => candidate.orgCode === orgCode);
    if (!row) continue;
    const id = reviewCaseId(row.id, 0);
    if (!(await ReviewCase.exists({ _id: id }))) continue;
    await startReview({ id, actor: DEMO_COMMITTEE, now });
    await decideReview({ id, input, actor: DEMO_COMMITTEE, now });
    decided += 1;
  }
  return { opened, decided };
}
