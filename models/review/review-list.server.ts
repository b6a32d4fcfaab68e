import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { listApprovedFeedback, type PublicFeedback } from "../feedback/feedback-read.server";
import { matchesFilters, type SummaryFilters } from "../summary/summary.server";
import { listCases, readCase, type ReviewDecision, type ReviewStatus, type StoredCase } from "./review-case.server";
import { currentNumbers } from "./review-open.server";
import type { ReviewNumbers, ReviewReason } from "./review-rules";

/** A case as `GET /api/v1/reviews` and the committee pages show it (no reviewer: who acted is in the audit trail). */
export interface ReviewView {
  id: string;
  period: string;
  organization: string;
  organizationName: string;
  evaluation: string;
  ratingVersion: number;
  rating: string;
  status: ReviewStatus;
  openedAt: string;
  reason: ReviewReason;
  numbers: ReviewNumbers;
  outcome?: { decision: ReviewDecision; from: string; to: string; note: string; decidedAt: string };
}

export function toView(doc: StoredCase): ReviewView {
  return {
    id: doc._id,
    period: doc.period,
    organization: doc.orgCode,
    organizationName: doc.orgName,
    evaluation: doc.evaluation,
    ratingVersion: doc.ratingVersion,
    rating: doc.rating,
    status: doc.status,
    openedAt: new Date(doc.openedAt).toISOString(),
    reason: doc.reason,
    numbers: doc.numbers,
    ...(doc.outcome
      ? {
          outcome: {
            decision: doc.outcome.decision,
            from: doc.outcome.from,
            to: doc.outcome.to,
            note: doc.outcome.note,
            decidedAt: new Date(doc.outcome.decidedAt).toISOString(),
          },
        }
      : {}),
  };
}

/**
 * A period's cases in the given statuses whose evaluation matches the committee's filters (district, rating,
 * kind), judged on the catalog in memory: cases are few, so no query by district is needed.
 */
async function matchingCases({
  period,
  statuses,
  filters = {},
}: {
  period: string;
  statuses: readonly ReviewStatus[];
  filters?: SummaryFilters;
}): Promise<StoredCase[]> {
  const docs = await listCases({ period, statuses });
  if (!Object.values(filters).some(Boolean)) return docs;
  const rows = (await catalogSnapshot()).rowsById;
  return docs.filter((doc) => {
    const row = rows.get(doc.evaluation);
    return row !== undefined && matchesFilters(row, filters);
  });
}

/** Decided cases are public; staff also see the open and under-review ones. Newest first. */
export async function listReviews({
  period,
  includeUnresolved,
  filters,
}: {
  period: string;
  includeUnresolved: boolean;
  filters?: SummaryFilters;
}): Promise<ReviewView[]> {
  const statuses: ReviewStatus[] = includeUnresolved ? ["open", "under-review", "decided"] : ["decided"];
  return (await matchingCases({ period, statuses, filters })).map(toView);
}

/** How many published disagreeing comments a case shows. */
const COMMENTS_SHOWN = 5;

/** Published comments disagreeing with the evaluation, newest first, from the organization's published-comments read model. */
export async function disagreeingComments({
  evaluationId,
  limit = COMMENTS_SHOWN,
}: {
  evaluationId: string;
  limit?: number;
}): Promise<PublicFeedback[]> {
  const page = await listApprovedFeedback({ evaluationIds: [evaluationId], limit: 100 });
  return page.items.filter((item) => item.stance === "disagree").slice(0, limit);
}

/** A case with the numbers as they stand now (for the current rating version) and the comments that count. */
export interface WorkedCase extends ReviewView {
  current: ReviewNumbers;
  currentRating: string;
  comments: PublicFeedback[];
}

async function withCurrent(doc: StoredCase, comments: boolean): Promise<WorkedCase> {
  const row = (await catalogSnapshot()).rowsById.get(doc.evaluation);
  return {
    ...toView(doc),
    current: row ? await currentNumbers(row) : doc.numbers,
    currentRating: row?.rating ?? doc.rating,
    comments: comments ? await disagreeingComments({ evaluationId: doc.evaluation }) : [],
  };
}

/** Higher lower bound of the disagreement share first; a case without sides taken last; then oldest first. */
export function byLowerBound(a: WorkedCase, b: WorkedCase): number {
  const la = a.current.disagreementLow ?? -1;
  const lb = b.current.disagreementLow ?? -1;
  if (la !== lb) return lb - la;
  return a.openedAt < b.openedAt ? -1 : a.openedAt > b.openedAt ? 1 : a.id < b.id ? -1 : 1;
}

/** The committee's worklist for a period: open and under-review cases matching the filters, ranked by the interval's lower bound. */
export async function unresolvedCases({
  period,
  limit = 50,
  filters,
}: {
  period: string;
  limit?: number;
  filters?: SummaryFilters;
}): Promise<WorkedCase[]> {
  const docs = await matchingCases({ period, statuses: ["open", "under-review"], filters });
  const ranked = (await Promise.all(docs.map((doc) => withCurrent(doc, false)))).sort(byLowerBound).slice(0, limit);
  return Promise.all(ranked.map(async (item) => ({ ...item, comments: await disagreeingComments({ evaluationId: item.evaluation }) })));
}

/** One case for its page, or null. */
export async function workedCase({ id }: { id: string }): Promise<WorkedCase | null> {
  const doc = await readCase(id);
  return doc ? withCurrent(doc, true) : null;
}
