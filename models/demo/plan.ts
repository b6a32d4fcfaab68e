import type { Types } from "mongoose";
import type { EvaluationDoc } from "../catalog/evaluation.server";
import type { ScaleEntry } from "../catalog/period.server";
import { MEMBER_SCALE_2011, ORGANIZATION_SCALE_2011 } from "../lib/scales";
import { searchKey, slugify } from "../lib/text";
import { countersByEvaluation, emptyCounters, type EvaluationCounters } from "./counters";
import { buildFeedback, type FeedbackContext, type FeedbackPlan, type FeedbackTarget } from "./feedback";
import { idFactory } from "./ids";
import { buildMemberCounts, TOP_TWO_SHARE_2011, TOP_TWO_SHARE_2012, type MemberCount } from "./members";
import { buildOrganizations, type DemoOrganization } from "./organizations";
import { createRandom } from "./random";
import { assignRatings2011, moveRatings } from "./ratings";
import { evaluationSummary } from "./summaries";

const SEED = 2011_0920;
const DAY = 86_400_000;
const COLLECTION = { organizations: 1, evaluations: 2, feedback: 3, periods: 4 } as const;

export interface PeriodPlan {
  _id: Types.ObjectId;
  code: string;
  year: number;
  title: { vi: string; en: string };
  ratingScale: ScaleEntry[];
  memberScale: ScaleEntry[];
  commentsOpenAt: Date;
  commentsCloseAt: Date;
  status: "open" | "closed";
}

export interface OrganizationPlan extends Omit<DemoOrganization, "category"> {
  _id: Types.ObjectId;
  slug: string;
  nameSearch: string;
}

/** An evaluation document as inserted: the organization's fields copied in, counters already summed. */
export type EvaluationPlan = Pick<
  EvaluationDoc,
  "period" | "orgCode" | "orgName" | "nameSearch" | "kind" | "district" | "rating" | "members" | "summary"
> &
  EvaluationCounters & { _id: Types.ObjectId; organization: Types.ObjectId; memberCounts: MemberCount[] };

export interface DemoData {
  periods: PeriodPlan[];
  organizations: OrganizationPlan[];
  evaluations: EvaluationPlan[];
  feedback: FeedbackPlan[];
}

/** Per period: its ratings, how many comments it drew and how moderation went. */
interface YearSpec {
  period: PeriodPlan;
  ratings: string[];
  topTwoShare?: number;
  feedback: number;
  statuses: [FeedbackPlan["status"], number][];
}

function period(newId: () => Types.ObjectId, year: number, status: "open" | "closed", openAt: Date, closeAt: Date): PeriodPlan {
  return {
    _id: newId(),
    code: String(year),
    year,
    title: {
      vi: `Đánh giá chất lượng tổ chức cơ sở đảng và đảng viên năm ${year}`,
      en: `${year} quality ratings of grassroots party organizations and members`,
    },
    ratingScale: ORGANIZATION_SCALE_2011,
    memberScale: MEMBER_SCALE_2011,
    commentsOpenAt: openAt,
    commentsCloseAt: closeAt,
    status,
  };
}

/** The organization fields an evaluation keeps its own copy of (lists and summaries read them without a join). */
export function organizationCopy<Id>(org: { _id: Id; code: string; name: string; nameSearch: string; kind: string; district: string }) {
  return {
    organization: org._id,
    orgCode: org.code,
    orgName: org.name,
    nameSearch: org.nameSearch,
    kind: org.kind,
    district: org.district,
  };
}

function evaluations(spec: YearSpec, orgs: OrganizationPlan[], newId: () => Types.ObjectId, salt: number): EvaluationPlan[] {
  const random = createRandom(SEED + salt);
  const memberCounts = buildMemberCounts(
    orgs.map((o) => o.members),
    spec.ratings,
    random,
    spec.topTwoShare,
  );
  return orgs.map((org, i) => {
    const counts = memberCounts[i]!;
    const topTwo = counts[0]!.count + counts[1]!.count;
    return {
      _id: newId(),
      period: spec.period.code,
      ...organizationCopy(org),
      rating: spec.ratings[i]!,
      members: org.members,
      memberCounts: counts,
      summary: evaluationSummary({ year: spec.period.year, rating: spec.ratings[i]!, members: org.members, topTwo }, random),
      ...emptyCounters(),
    };
  });
}

function targets(evals: EvaluationPlan[], demo: DemoOrganization[], salt: number): FeedbackTarget[] {
  const random = createRandom(SEED + salt);
  return evals.map((e, i) => {
    const contested = e.rating === "yeu-kem" || random.chance(0.05);
    return {
      _id: e._id,
      organization: e.organization,
      district: e.district,
      rating: e.rating,
      category: demo[i]!.category,
      weight: (1 + e.members / 80) * (contested ? 4 : 1),
      contested,
    };
  });
}

/**
 * The whole demo data set, in memory: 2011 (open, the story's figures) and 2012 (closed, about a
 * tenth of the ratings moved). Everything but the dates and id timestamps is the same on every run.
 */
export function buildDemoData(now: Date): DemoData {
  const newId = idFactory(now);
  const demo = buildOrganizations(createRandom(SEED));
  const organizations: OrganizationPlan[] = demo.map(({ category: _category, ...org }) => ({
    ...org,
    _id: newId(COLLECTION.organizations),
    slug: slugify(`${org.name}-${org.code}`),
    nameSearch: searchKey(org.name),
  }));
  const ratings2011 = assignRatings2011(demo, createRandom(SEED + 1));
  const periodId = () => newId(COLLECTION.periods);
  const years: YearSpec[] = [
    {
      period: period(periodId, 2011, "open", new Date(now.getTime() - 28 * DAY), new Date(now.getTime() + 90 * DAY)),
      ratings: ratings2011,
      topTwoShare: TOP_TWO_SHARE_2011,
      feedback: 3600,
      statuses: [
        ["approved", 73],
        ["pending", 16],
        ["rejected", 11],
      ],
    },
    {
      period: period(periodId, 2012, "closed", new Date(now.getTime() - 200 * DAY), new Date(now.getTime() - 110 * DAY)),
      ratings: moveRatings(ratings2011, createRandom(SEED + 2)),
      topTwoShare: TOP_TWO_SHARE_2012,
      feedback: 1300,
      statuses: [
        ["approved", 86],
        ["rejected", 14],
      ],
    },
  ];
  const ctx: FeedbackContext = {
    random: createRandom(SEED + 3),
    newId: () => newId(COLLECTION.feedback),
    trackingCodes: new Set(),
    dedupeKeys: new Set(),
  };
  const labels = new Map(ORGANIZATION_SCALE_2011.map((entry) => [entry.key, entry.label.vi]));
  const data: DemoData = { periods: years.map((y) => y.period), organizations, evaluations: [], feedback: [] };
  years.forEach((spec, n) => {
    const evals = evaluations(spec, organizations, () => newId(COLLECTION.evaluations), 10 + n);
    const { from, to } = { from: spec.period.commentsOpenAt, to: spec.period.status === "open" ? now : spec.period.commentsCloseAt };
    const items = buildFeedback(
      {
        period: spec.period.code,
        targets: targets(evals, demo, 20 + n),
        count: spec.feedback,
        statuses: spec.statuses,
        from,
        to,
        ratingLabels: labels,
      },
      ctx,
    );
    const counted = countersByEvaluation(items);
    data.evaluations.push(...evals.map((e) => ({ ...e, ...counted.get(String(e._id)) })));
    data.feedback.push(...items);
  });
  return data;
}
