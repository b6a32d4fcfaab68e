import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";
import { requiredPaths } from "../db/schema-fields";
import type { ReviewCounts, ReviewNumbers, ReviewReason, ReviewThresholds } from "./review-rules";

export const REVIEW_STATUSES = ["open", "under-review", "decided"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewDecision = "kept" | "changed";

const NumbersSchema = new Schema(
  {
    ...requiredPaths({ agree: Number, disagree: Number, sides: Number }),
    disagreementLow: { type: Number, default: null },
    ...requiredPaths({ stated: Number, differing: Number }),
  },
  { _id: false },
);
const CountsSchema = new Schema(
  {
    ...requiredPaths({ agree: Number, disagree: Number }),
    proposed: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);
const OutcomeSchema = new Schema(
  {
    decision: { type: String, enum: ["kept", "changed"], required: true },
    ...requiredPaths({ from: String, to: String, note: String, decidedAt: Date, decidedBy: String }),
  },
  { _id: false },
);

/**
 * One re-review of one rating version of one evaluation. `_id` = `<evaluationId>:<ratingVersion>` (the
 * version is the length of the evaluation's ratingHistory), so a case opens once per version however often
 * the numbers are recomputed: a second insert is a duplicate key. Bounded by evaluations, so scanned freely.
 */
const ReviewCaseSchema = new Schema(
  {
    ...requiredPaths({
      _id: String,
      evaluation: String,
      organization: String,
      orgCode: String,
      orgName: String,
      period: String,
      ratingVersion: Number,
      /** The rating under review (the evaluation's rating when the case opened). */
      rating: String,
    }),
    status: { type: String, enum: REVIEW_STATUSES, required: true },
    reason: { type: String, enum: ["disagreement", "proposals"], required: true },
    ...requiredPaths({ numbers: NumbersSchema, thresholds: Schema.Types.Mixed, openedAt: Date }),
    reviewer: String,
    startedAt: Date,
    outcome: OutcomeSchema,
    /** The counts when a "changed" decision revised the rating: the next version is judged on views after them. */
    baseline: CountsSchema,
  },
  { timestamps: true },
);
ReviewCaseSchema.index({ period: 1, openedAt: -1, _id: -1 });

export const ReviewCase = defineModel("ReviewCase", ReviewCaseSchema, "reviewcases");

export function reviewCaseId(evaluationId: string, ratingVersion: number): string {
  return `${evaluationId}:${ratingVersion}`;
}

/** A case as stored (lean). */
export interface StoredCase {
  _id: string;
  evaluation: string;
  organization: string;
  orgCode: string;
  orgName: string;
  period: string;
  ratingVersion: number;
  rating: string;
  status: ReviewStatus;
  reason: ReviewReason;
  numbers: ReviewNumbers;
  thresholds: ReviewThresholds;
  openedAt: Date;
  reviewer?: string | null;
  startedAt?: Date | null;
  outcome?: { decision: ReviewDecision; from: string; to: string; note: string; decidedAt: Date; decidedBy: string } | null;
  baseline?: ReviewCounts | null;
}

export const CASE_FIELDS = {
  evaluation: 1,
  organization: 1,
  orgCode: 1,
  orgName: 1,
  period: 1,
  ratingVersion: 1,
  rating: 1,
  status: 1,
  reason: 1,
  numbers: 1,
  thresholds: 1,
  openedAt: 1,
  reviewer: 1,
  startedAt: 1,
  outcome: 1,
} as const;

export function readCase(id: string): Promise<StoredCase | null> {
  return ReviewCase.findById(id, CASE_FIELDS).lean<StoredCase>().exec();
}

/**
 * A period's cases, newest first. Not paginated: at most one per evaluation and rating version, so the list
 * is bounded by the period's organizations, and the index (period, openedAt, _id) serves it on MongoDB.
 */
export function listCases({ period, statuses }: { period: string; statuses: readonly ReviewStatus[] }): Promise<StoredCase[]> {
  return ReviewCase.find({ period, status: { $in: [...statuses] } }, CASE_FIELDS)
    .sort({ openedAt: -1, _id: -1 })
    .limit(5_000)
    .lean<StoredCase[]>()
    .exec();
}
