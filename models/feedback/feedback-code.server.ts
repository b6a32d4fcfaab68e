import { Schema, Types } from "mongoose";
import { defineModel } from "../db/define-model.server";

/**
 * The tracking code → feedback item map. Its `_id` is the code itself, so a look-up is one
 * `{_id}` read (index-backed on FerretDB too) and a collision is a duplicate key on insert.
 */
const FeedbackCodeSchema = new Schema(
  {
    _id: { type: String, required: true },
    feedback: { type: Schema.Types.ObjectId, required: true, ref: "Feedback" },
  },
  { versionKey: false },
);

export const FeedbackCode = defineModel("FeedbackCode", FeedbackCodeSchema, "feedbackcodes");

/** The code documents for feedback items written in bulk (seed, bench data), ready for insertMany. */
export function feedbackCodeDocs(
  feedbackDocs: readonly { _id: Types.ObjectId | string; trackingCode: string }[],
): { _id: string; feedback: Types.ObjectId }[] {
  return feedbackDocs.map((doc) => ({ _id: doc.trackingCode, feedback: new Types.ObjectId(String(doc._id)) }));
}
