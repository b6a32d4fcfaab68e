import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";
import { requiredPaths } from "../db/schema-fields";
import { REJECT_REASONS } from "../feedback/feedback.server";

/** Why and by whom a moderator hid a reply; null while it is shown. */
const HiddenSchema = new Schema(
  {
    reason: { type: String, enum: REJECT_REASONS, required: true },
    note: String,
    ...requiredPaths({ by: String, at: Date }),
  },
  { _id: false },
);

/**
 * An organization's official reply to one evaluation. `_id` is the evaluation id, so there is one reply per
 * evaluation, the collection is bounded by evaluations, and every read and write is an `{_id}` operation.
 * `version` counts the edits; earlier texts are kept in ReplyVersion.
 */
const ReplySchema = new Schema(
  {
    ...requiredPaths({
      _id: String,
      /** The organization's code, as the account that wrote it is bound to. */
      organization: String,
      body: String,
      version: Number,
      /** The user id of the account that wrote the current text. */
      author: String,
      publishedAt: Date,
      updatedAt: Date,
    }),
    hidden: { type: HiddenSchema, default: null },
  },
  { versionKey: false },
);
// The moderators' list of replies, newest first, keyset-paged on (updatedAt, _id).
ReplySchema.index({ updatedAt: -1, _id: -1 });
export const Reply = defineModel("Reply", ReplySchema, "replies");

/** One earlier text of a reply: `_id` is `<evaluation id>:<version>`, written once before the reply moves past it. */
const ReplyVersionSchema = new Schema(
  {
    ...requiredPaths({ _id: String, evaluation: String, version: Number, body: String, author: String, at: Date }),
  },
  { versionKey: false },
);
export const ReplyVersion = defineModel("ReplyVersion", ReplyVersionSchema, "reply_versions");

export const replyVersionId = (evaluationId: string, version: number) => `${evaluationId}:${version}`;
