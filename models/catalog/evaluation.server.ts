import { Schema, type InferSchemaType } from "mongoose";
import { defineModel } from "../db/define-model.server";

const CountersSchema = new Schema(
  {
    agree: { type: Number, required: true, default: 0 },
    disagree: { type: Number, required: true, default: 0 },
    neutral: { type: Number, required: true, default: 0 },
    pending: { type: Number, required: true, default: 0 },
  },
  { _id: false },
);
/** Approved feedback per stance, and items awaiting moderation. */
export type Counters = InferSchemaType<typeof CountersSchema>;
const MemberCountSchema = new Schema(
  { key: { type: String, required: true }, count: { type: Number, required: true, min: 0 } },
  { _id: false },
);
/** One rating change after public consultation (models/catalog/rating-revision.server.ts); imports never write it. */
const RatingRevisionSchema = new Schema(
  {
    from: { type: String, required: true },
    to: { type: String, required: true },
    revisedAt: { type: Date, required: true },
    note: { type: String, default: "" },
    caseId: { type: String, required: true },
  },
  { _id: false },
);

/**
 * One organization's rating in one period. Organization fields are copied in so a period's
 * list is one indexed query on one collection (FerretDB scans; there are no joins).
 */
const EvaluationSchema = new Schema(
  {
    period: { type: String, required: true },
    organization: { type: Schema.Types.ObjectId, required: true, ref: "Organization" },
    orgCode: { type: String, required: true },
    orgName: { type: String, required: true },
    nameSearch: { type: String, required: true },
    kind: { type: String, required: true },
    district: { type: String, required: true },
    rating: { type: String, required: true },
    members: { type: Number, required: true, min: 0 },
    memberCounts: { type: [MemberCountSchema], default: [] },
    summary: { type: String, default: "" },
    /** Approved feedback per stance, and items awaiting moderation; moved only with $inc. */
    counters: { type: CountersSchema, required: true, default: () => ({}) },
    /** Approved feedback from self-declared residents of the area, per stance. */
    residentCounters: { type: CountersSchema, required: true, default: () => ({}) },
    /** Approved disagreeing feedback per rating key the resident proposed instead. */
    proposed: { type: Map, of: Number, default: () => new Map() },
    /** Rejected feedback per reason category (public transparency line). */
    rejected: { type: Map, of: Number, default: () => new Map() },
    /** Feedback withdrawn, awaiting review after a removal request or reports, or removed, per status (counters.server.ts). */
    followUp: { type: Map, of: Number, default: () => new Map() },
    /** Earlier ratings, oldest first: `rating` is the current one, `ratingHistory[0].from` the first published. */
    ratingHistory: { type: [RatingRevisionSchema], default: [] },
  },
  { timestamps: true },
);
EvaluationSchema.index({ period: 1, organization: 1 }, { unique: true });
EvaluationSchema.index({ period: 1, orgCode: 1, _id: 1 });
EvaluationSchema.index({ organization: 1, period: 1, _id: 1 });

export type EvaluationDoc = InferSchemaType<typeof EvaluationSchema>;
export const Evaluation = defineModel("Evaluation", EvaluationSchema, "evaluations");
