import mongoose from "mongoose";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import type { CatalogRow } from "../catalog/catalog-rows";
import { logError } from "../../app/utils/log.server";
import { recordAudit } from "../moderation/audit.server";
import { ReviewCase, reviewCaseId, type StoredCase } from "./review-case.server";
import {
  anyRuleOn,
  countsSince,
  crossedRule,
  reviewNumbers,
  type ReviewCounts,
  type ReviewNumbers,
  type ReviewThresholds,
} from "./review-rules";
import { getReviewThresholds } from "./review-thresholds.server";

type Actor = { id?: string; email: string };

/** The actor a case opened by the recount is audited as. */
export const SYSTEM_ACTOR: Actor = { email: "system:summaries-rebuild" };

/** Case ids this process knows exist, so later approvals on the same evaluation skip the insert attempt. */
const known = new Set<string>();
const knownKey = (id: string) => `${mongoose.connection.name ?? ""}:${id}`;

export function countsOf(row: Pick<CatalogRow, "counters" | "proposed">): ReviewCounts {
  return { agree: row.counters.agree, disagree: row.counters.disagree, proposed: { ...row.proposed } };
}

export function ratingVersionOf(row: Pick<CatalogRow, "ratingHistory">): number {
  return row.ratingHistory?.length ?? 0;
}

/** Baselines never change once the revision they began is in the history, so each is read once per process. */
const baselines = new Map<string, ReviewCounts | null>();

/** The counts saved when the current rating version began (the case that revised it), or null for version 0. */
async function baselineOf(row: CatalogRow): Promise<ReviewCounts | null> {
  const last = row.ratingHistory?.at(-1);
  if (!last) return null;
  const key = knownKey(last.caseId);
  if (baselines.has(key)) return baselines.get(key)!;
  const doc = await ReviewCase.findById(last.caseId, { baseline: 1 }).lean<Pick<StoredCase, "baseline">>();
  baselines.set(key, doc?.baseline ?? null);
  return doc?.baseline ?? null;
}

/** The numbers a rule reads for this row's current rating version. */
export async function currentNumbers(row: CatalogRow): Promise<ReviewNumbers> {
  return reviewNumbers(countsSince(countsOf(row), await baselineOf(row)), row.rating);
}

function isDuplicateKey(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 11000;
}

/**
 * Opens the row's case for its current rating version when a rule is crossed. The insert of a fixed `_id`
 * is the whole guard: racing approvals, or the recount after them, get a duplicate key and open nothing.
 */
async function openIfCrossed({
  row,
  thresholds,
  actor,
  now,
}: {
  row: CatalogRow;
  thresholds: ReviewThresholds;
  actor: Actor;
  now: Date;
}): Promise<boolean> {
  const _id = reviewCaseId(row.id, ratingVersionOf(row));
  if (known.has(knownKey(_id))) return false;
  const numbers = await currentNumbers(row);
  const reason = crossedRule(numbers, thresholds);
  if (!reason) return false;
  const doc = {
    _id,
    evaluation: row.id,
    organization: row.organization,
    orgCode: row.orgCode,
    orgName: row.orgName,
    period: row.period,
    ratingVersion: ratingVersionOf(row),
    rating: row.rating,
    status: "open" as const,
    reason,
    numbers,
    thresholds,
    openedAt: now,
  };
  try {
    await ReviewCase.create(doc);
  } catch (error) {
    if (!isDuplicateKey(error)) throw error;
    known.add(knownKey(_id));
    return false;
  }
  known.add(knownKey(_id));
  await recordAudit({
    actor,
    action: "review.open",
    targetType: "review",
    targetId: _id,
    reason,
    after: { status: "open", rating: row.rating, numbers, thresholds },
  });
  return true;
}

/** After an approval moved an evaluation's counters: open its case if its period's thresholds are now crossed. */
export async function openReviewIfDue({
  evaluationId,
  actor,
  now = new Date(),
}: {
  evaluationId: string;
  actor: Actor;
  now?: Date;
}): Promise<boolean> {
  const snapshot = await catalogSnapshot();
  const row = snapshot.rowsById.get(evaluationId);
  if (!row) return false;
  const thresholds = await getReviewThresholds({ period: row.period });
  if (!anyRuleOn(thresholds)) return false;
  return openIfCrossed({ row, thresholds, actor, now });
}

/** Every published evaluation (or one period's) checked against its thresholds; returns how many cases opened. */
export async function openDueReviews({
  period,
  actor = SYSTEM_ACTOR,
  now = new Date(),
}: { period?: string; actor?: Actor; now?: Date } = {}): Promise<number> {
  const snapshot = await catalogSnapshot();
  let opened = 0;
  for (const [code, rows] of snapshot.rowsByPeriod) {
    if (period && code !== period) continue;
    const thresholds = await getReviewThresholds({ period: code });
    if (!anyRuleOn(thresholds)) continue;
    for (const row of rows) if (await openIfCrossed({ row, thresholds, actor, now })) opened += 1;
  }
  return opened;
}

/**
 * The one call the moderation path makes after an approval: the decision is already written, so a failure
 * here is logged, not thrown; `npm run summaries:rebuild` opens any case it missed.
 */
export async function checkReviewAfterApproval({ evaluationId, actor }: { evaluationId: string; actor: Actor }): Promise<void> {
  try {
    await openReviewIfDue({ evaluationId, actor });
  } catch (error) {
    logError(error, { event: "review.check-failed", evaluation: evaluationId });
  }
}

/** Forgets which cases this process saw: the demo seed replaces every case. */
export function forgetKnownCases(): void {
  known.clear();
  baselines.clear();
}
