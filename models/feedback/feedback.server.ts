import { Schema, type Types } from "mongoose";
import { defineModel } from "../db/define-model.server";
import type { REPORT_REASON_VALUES } from "./report-input";

export const STANCES = ["agree", "disagree", "neutral"] as const;
export type Stance = (typeof STANCES)[number];
/** A moderator's first decision moves pending to approved or rejected; the rest are residents' follow-up (models/feedback/follow-up.server.ts). */
export const FEEDBACK_STATUSES = [
  "pending",
  "approved",
  "rejected",
  "withdrawn",
  "removal-requested",
  "under-review",
  "removed-on-request",
  "removed-after-reports",
] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];
/** Hidden from the public and back in the queue until a moderator keeps or removes the comment. */
export type AwaitingReview = "removal-requested" | "under-review";
export type ReportReason = (typeof REPORT_REASON_VALUES)[number];
export const REJECT_REASONS = ["spam", "abuse", "personal-data", "off-topic", "duplicate", "other"] as const;
export type RejectReason = (typeof REJECT_REASONS)[number];

/** What every state change of a comment reads first: enough to move its counters, feed entry and queue entry. */
export interface FeedbackForChange {
  _id: Types.ObjectId;
  evaluation: Types.ObjectId;
  organization: Types.ObjectId;
  period: string;
  district: string;
  trackingCode: string;
  stance: Stance;
  status: FeedbackStatus;
  isResident: boolean;
  proposedRating?: string | null;
  ratingGiven?: string | null;
  body: string;
  publicBody: string;
  displayName?: string | null;
  flags: { kind: string; detail?: string | null }[];
  wave?: string | null;
  createdAt: Date;
  moderation?: { reason?: RejectReason | null } | null;
}

/** The projection that reads a FeedbackForChange. */
export const FEEDBACK_FOR_CHANGE_FIELDS = {
  evaluation: 1,
  organization: 1,
  period: 1,
  district: 1,
  trackingCode: 1,
  stance: 1,
  status: 1,
  isResident: 1,
  proposedRating: 1,
  ratingGiven: 1,
  body: 1,
  publicBody: 1,
  displayName: 1,
  flags: 1,
  wave: 1,
  createdAt: 1,
  "moderation.reason": 1,
} as const;

const FlagSchema = new Schema(
  {
    /** e.g. banned-word, suspect-word, link, phone, email, id-number, burst, shouting, repeated-chars */
    kind: { type: String, required: true },
    /** What triggered it, for moderators only (the word, the masked number, the burst size). */
    detail: { type: String, default: "" },
  },
  { _id: false },
);

const ModerationSchema = new Schema(
  {
    decidedBy: { type: Schema.Types.ObjectId, ref: "User" },
    decidedAt: { type: Date },
    reason: { type: String, enum: REJECT_REASONS },
    note: { type: String },
  },
  { _id: false },
);

const ReportTallySchema = new Schema(
  {
    count: { type: Number, required: true, default: 0 },
    reviewed: { type: Number, required: true, default: 0 },
    reasons: { type: Map, of: Number, default: () => new Map() },
  },
  { _id: false },
);

const FollowUpSchema = new Schema(
  {
    entry: { type: Schema.Types.ObjectId, required: true },
  },
  { _id: false },
);

/**
 * A resident's public view on one evaluation. Every read function names its projection. An e-mail address
 * left for the decision is not kept here but sealed in `contacts` (contact.server.ts).
 */
const FeedbackSchema = new Schema(
  {
    evaluation: { type: Schema.Types.ObjectId, required: true, ref: "Evaluation" },
    organization: { type: Schema.Types.ObjectId, required: true, ref: "Organization" },
    period: { type: String, required: true },
    district: { type: String, required: true },
    stance: { type: String, enum: STANCES, required: true },
    /** When disagreeing: the rating key the resident would give instead. */
    proposedRating: { type: String },
    /** The evaluation's rating when the comment was given (a revision later changes `rating`, not this); absent on older items: the first rating. */
    ratingGiven: { type: String },
    body: { type: String, required: true, maxlength: 2000 },
    /** The text as published: personal data masked, or a moderator's redaction. */
    publicBody: { type: String, required: true },
    displayName: { type: String, maxlength: 80 },
    isResident: { type: Boolean, required: true, default: false },
    locale: { type: String, enum: ["vi", "en"], required: true },
    /** Unique through FeedbackCode, whose `_id` it is: looked up there, never queried here. */
    trackingCode: { type: String, required: true },
    /** sha256 of evaluation + searchKey(body): refuses the same text twice on one evaluation. */
    dedupeKey: { type: String, required: true, unique: true },
    status: { type: String, enum: FEEDBACK_STATUSES, required: true, default: "pending" },
    flags: { type: [FlagSchema], default: [] },
    /** The campaign wave it belongs to (campaign-wave.server.ts): the `_id` of the wave's document. */
    wave: { type: String },
    moderation: { type: ModerationSchema },
    /** Readers' reports while published: `count` in all, `reviewed` of them already seen by a moderator who kept it. */
    reports: { type: ReportTallySchema },
    /** While awaiting review: the queue entry to claim (its own `_id`, so a decision on the pending item never takes it). */
    followUp: { type: FollowUpSchema },
    /** When the item last moved by residents' follow-up (withdrawn, hidden, kept or removed). */
    followUpAt: { type: Date },
  },
  { timestamps: true },
);
FeedbackSchema.index({ status: 1, createdAt: 1, _id: 1 });
FeedbackSchema.index({ evaluation: 1, status: 1, createdAt: -1, _id: -1 });
FeedbackSchema.index({ organization: 1, status: 1, createdAt: -1, _id: -1 });
FeedbackSchema.index({ period: 1, status: 1, createdAt: 1, _id: 1 });

export const Feedback = defineModel("Feedback", FeedbackSchema, "feedback");
