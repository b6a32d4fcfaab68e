import mongoose, { Schema } from "mongoose";
import { z } from "zod";
import { defineModel } from "../db/define-model.server";
import { recordAudit } from "../moderation/audit.server";
import { THRESHOLDS_OFF, type ReviewThresholds } from "./review-rules";

/** One small document per period, `_id` = the period's code; no document means both rules are off. */
const ReviewThresholdsSchema = new Schema(
  {
    _id: { type: String, required: true },
    disagreement: {
      type: new Schema(
        {
          enabled: { type: Boolean, required: true },
          minLowerBound: { type: Number, required: true },
          minSides: { type: Number, required: true },
        },
        { _id: false },
      ),
      required: true,
    },
    proposals: {
      type: new Schema({ enabled: { type: Boolean, required: true }, minCount: { type: Number, required: true } }, { _id: false }),
      required: true,
    },
  },
  { timestamps: true },
);
export const ReviewThresholdsModel = defineModel("ReviewThresholds", ReviewThresholdsSchema, "reviewthresholds");

const E = "reviews:thresholds.errors.";
const checkbox = z.preprocess((value) => value === "on" || value === "true" || value === true, z.boolean());
const count = (message: string) => z.coerce.number({ invalid_type_error: message }).int(message).min(1, message).max(1_000_000, message);

/** The admin form (a percentage for the bound, whole counts); one schema for the page and its action. */
export const ReviewThresholdsFormSchema = z
  .object({
    disagreementEnabled: checkbox,
    minLowerBound: z.coerce
      .number({ invalid_type_error: `${E}lowerBound` })
      .min(0, `${E}lowerBound`)
      .max(99, `${E}lowerBound`),
    minSides: count(`${E}minSides`),
    proposalsEnabled: checkbox,
    minCount: count(`${E}minCount`),
  })
  .transform(
    (input): ReviewThresholds => ({
      disagreement: {
        enabled: input.disagreementEnabled,
        minLowerBound: Math.round(input.minLowerBound * 100) / 10_000,
        minSides: input.minSides,
      },
      proposals: { enabled: input.proposalsEnabled, minCount: input.minCount },
    }),
  );

/** Thresholds as the form shows them. */
export function thresholdsFormValues(thresholds: ReviewThresholds): Record<string, string> {
  return {
    disagreementEnabled: thresholds.disagreement.enabled ? "on" : "",
    minLowerBound: String(Math.round(thresholds.disagreement.minLowerBound * 10_000) / 100),
    minSides: String(thresholds.disagreement.minSides),
    proposalsEnabled: thresholds.proposals.enabled ? "on" : "",
    minCount: String(thresholds.proposals.minCount),
  };
}

/** Every approval reads its period's thresholds: a few seconds' memo, dropped here at once when an admin saves. */
const MEMO_MS = 5_000;
const memo = new Map<string, { at: number; value: ReviewThresholds }>();
const memoKey = (period: string) => `${mongoose.connection.name ?? ""}:${period}`;

interface StoredThresholds {
  disagreement: ReviewThresholds["disagreement"];
  proposals: ReviewThresholds["proposals"];
}

export async function getReviewThresholds({ period }: { period: string }): Promise<ReviewThresholds> {
  const key = memoKey(period);
  const hit = memo.get(key);
  if (hit && Date.now() - hit.at < MEMO_MS) return hit.value;
  const doc = await ReviewThresholdsModel.findById(period, { disagreement: 1, proposals: 1 }).lean<StoredThresholds>();
  const value: ReviewThresholds = doc ? { disagreement: { ...doc.disagreement }, proposals: { ...doc.proposals } } : THRESHOLDS_OFF;
  memo.set(key, { at: Date.now(), value });
  return value;
}

/** Saves a period's thresholds (an upsert by `_id`) and audits the change. */
export async function saveReviewThresholds({
  period,
  thresholds,
  actor,
}: {
  period: string;
  thresholds: ReviewThresholds;
  actor: { id: string; email: string };
}): Promise<void> {
  const before = await getReviewThresholds({ period });
  const write = () =>
    ReviewThresholdsModel.updateOne(
      { _id: period },
      { $set: { disagreement: thresholds.disagreement, proposals: thresholds.proposals } },
      { upsert: true },
    );
  // Two first-ever saves at once can both try the insert on FerretDB; the loser's retry is an update.
  await write().catch((error: unknown) => ((error as { code?: unknown }).code === 11000 ? write() : Promise.reject(error)));
  memo.delete(memoKey(period));
  await recordAudit({ actor, action: "review.thresholds", targetType: "period", targetId: period, before, after: thresholds });
}
