import { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";

/** A login session; the cookie holds a random id whose sha256 is `_id` here. Revoking deletes it. */
const SessionSchema = new Schema(
  {
    _id: { type: String, required: true },
    user: { type: Schema.Types.ObjectId, required: true, ref: "User" },
    expiresAt: { type: Date, required: true },
  },
  { timestamps: true },
);
SessionSchema.index({ user: 1, _id: 1 });
SessionSchema.index({ expiresAt: 1, _id: 1 });

export const Session = defineModel("Session", SessionSchema, "sessions");
