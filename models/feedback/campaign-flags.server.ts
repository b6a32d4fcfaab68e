import { Schema } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { Feedback } from "./feedback.server";

/** The intake flag that marks a coordinated wave of similar comments. */
export const CAMPAIGN_FLAG = "burst";

/**
 * Comments that arrived with a campaign flag, per evaluation (any status: a moderator may have rejected
 * them). One small document per evaluation that ever had one, raised by $inc at intake, so the committee
 * dashboard never aggregates the feedback collection; `npm run summaries:rebuild` brings it in line.
 */
const CampaignFlagSchema = new Schema(
  {
    _id: { type: String, required: true },
    period: { type: String, required: true },
    count: { type: Number, required: true, default: 0 },
  },
  { versionKey: false },
);
CampaignFlagSchema.index({ period: 1, _id: 1 });
export const CampaignFlag = defineModel("CampaignFlag", CampaignFlagSchema, "campaignflags");

function addCampaignFlags({ evaluationId, period, n }: { evaluationId: string; period: string; n: number }) {
  return serialised(CampaignFlag, evaluationId, () =>
    CampaignFlag.updateOne({ _id: evaluationId }, { $inc: { count: n }, $setOnInsert: { period } }, { upsert: true }),
  );
}

/** Counts one arriving comment whose flags hold a campaign flag. */
export async function countCampaignFlag({
  evaluationId,
  period,
  flags,
}: {
  evaluationId: string;
  period: string;
  flags: { kind: string }[];
}): Promise<void> {
  if (flags.some((flag) => flag.kind === CAMPAIGN_FLAG)) await addCampaignFlags({ evaluationId, period, n: 1 });
}

/** Campaign-flagged comments per evaluation id in a period (read from the small per-evaluation documents). */
export async function campaignFlagsByEvaluation({ period }: { period: string }): Promise<Map<string, number>> {
  const docs = await CampaignFlag.find({ period }, { count: 1 }).sort({ period: 1, _id: 1 }).lean<{ _id: string; count: number }[]>();
  return new Map(docs.filter((doc) => doc.count > 0).map((doc) => [doc._id, doc.count]));
}

/**
 * Brings the documents in line with the feedback collection by $inc of the difference (a comment counted
 * meanwhile keeps its own increment); for summaries:rebuild. Returns the evaluations changed.
 */
export async function rebuildCampaignFlags({ period }: { period?: string } = {}): Promise<number> {
  const scope = period ? { period } : {};
  const expected = new Map<string, { period: string; count: number }>();
  const flagged = Feedback.find({ ...scope, "flags.kind": CAMPAIGN_FLAG }, { evaluation: 1, period: 1 })
    .lean()
    .cursor({ batchSize: 2000 });
  for await (const doc of flagged) {
    const key = String(doc.evaluation);
    expected.set(key, { period: doc.period, count: (expected.get(key)?.count ?? 0) + 1 });
  }
  const stored = await CampaignFlag.find(scope, { period: 1, count: 1 }).lean<{ _id: string; period: string; count: number }[]>();
  for (const doc of stored) if (!expected.has(doc._id)) expected.set(doc._id, { period: doc.period, count: 0 });
  const have = new Map(stored.map((doc) => [doc._id, doc.count]));
  let changed = 0;
  for (const [evaluationId, want] of expected) {
    const n = want.count - (have.get(evaluationId) ?? 0);
    if (n === 0) continue;
    await addCampaignFlags({ evaluationId, period: want.period, n });
    changed += 1;
  }
  return changed;
}
