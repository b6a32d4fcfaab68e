import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";
import type { ReviewCounts, ReviewNumbers, ReviewReason, ReviewThresholds } from "./review-rules";

export const REVIEW_STATUSES = ["open", "under-review", "decided"] as const;
export type ReviewStatus = (typeof REVIEW_STATUSES)[number];
export type ReviewDecision = "kept" | "changed";

const NumbersSchema = new Schema(
  {
    agree: { type: Number, required: true },
    disagree: { type: Number, required: true },
    sides: { type: Number, required: true },
    disagreementLow: { type: Number, default: null },
    stated: { type: Number, required: true },
    differing: { type: Number, required: true },
  },
  { _id: false },
);
const CountsSchema = new Schema(
  {
    agree: { type: Number, required: true },
    disagree: { type: Number, required: true },
    proposed: { type: Schema.Types.Mixed, default: {} },
  },
  { _id: false },
);
const OutcomeSchema = new Schema(
  {
    decision: { type: String, enum: ["kept", "changed"], required: true },
    from: { type: String, required: true },
    to: { type: String, required: true },
    note: { type: String, required: true },
    decidedAt: { type: Date, required: true },
    decidedBy: { type: String, required: true },
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
    _id: { type: String, required: true },
    evaluation: { type: String, required: true },
    organization: { type: String, required: true },
    orgCode: { type: String, required: true },
    orgName: { type: String, required: true },
    period: { type: String, required: true },
    ratingVersion: { type: Number, required: true },
    /** The rating under review (the evaluation's rating when the case opened). */
    rating: { type: String, required: true },
    status: { type: String, enum: REVIEW_STATUSES, required: true },
    reason: { type: String, enum: ["disagreement", "proposals"], required: true },
    numbers: { type: NumbersSchema, required: true },
    thresholds: { type: Schema.Types.Mixed, required: true },
    openedAt: { type: Date, required: true },
    reviewer: { type: String },
    startedAt: { type: Date },
    outcome: { type: OutcomeSchema },
    /** The counts when a "changed" decision revised the rating: the next version is judged on views after them. */
    baseline: { type: CountsSchema },
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
