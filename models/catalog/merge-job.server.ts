import { randomBytes } from "node:crypto";
import { Schema, type Types } from "mongoose";
import { catalogChanged } from "./catalog-cache.server";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { Evaluation } from "./evaluation.server";
import { hideFeedItem, publishFeedItem } from "../feedback/feed-bucket.server";
import { Feedback, type FeedbackStatus, type Stance } from "../feedback/feedback.server";
import { Organization } from "./organization.server";
import { QueueEntry } from "../moderation/queue-entry.server";
import { indexedEntryOf, indexQueueEntry, unindexQueueEntry } from "../moderation/queue-index.server";
import { recountCounters } from "../summary/recount.server";
import { searchKey } from "../lib/text";

/**
 * One organization merge, `_id` = the duplicate's id (a duplicate is merged once). The admin's request records
 * it and moves the evaluations; a worker in the app process then moves the duplicate's feedback in batches,
 * each item by `_id`, and finishes with a recount of the periods involved. Every step is idempotent, so a
 * crash or a restart resumes where the feedback collection says it stopped.
 */
const MergeJobSchema = new Schema(
  {
    _id: { type: String, required: true },
    fromCode: { type: String, required: true },
    intoId: { type: Schema.Types.ObjectId, required: true },
    intoCode: { type: String, required: true },
    evaluations: { type: [Schema.Types.ObjectId], default: [] },
    periods: { type: [String], default: [] },
    status: { type: String, enum: ["running", "done"], required: true },
    /** Evaluations moved and the duplicate marked merged (done by the request; redone by the worker after a crash). */
    prepared: { type: Boolean, required: true, default: false },
    moved: { type: Number, required: true, default: 0 },
    startedAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
    finishedAt: { type: Date },
    /** Which app instance works the job until when (several instances on MongoDB). */
    leaseOwner: { type: String },
    leaseUntil: { type: Date },
  },
  { versionKey: false },
);
MergeJobSchema.index({ status: 1, _id: 1 });
export const MergeJob = defineModel("MergeJob", MergeJobSchema, "mergejobs");

/** Feedback ids listed per query (FerretDB scans the collection per query, so many at once). */
const LIST_LIMIT = 5_000;
/** Items moved at once, then progress is saved. */
const BATCH = 100;
/** A job is finished only this long after it started and found nothing left: other instances' catalogs have followed by then. */
export const MERGE_SETTLE_MS = 30_000;
const LEASE_MS = 60_000;

export class MergeAlreadyRecorded extends Error {
  constructor() {
    super("merge already recorded");
  }
}

interface JobDoc {
  _id: string;
  fromCode: string;
  intoId: Types.ObjectId;
  intoCode: string;
  evaluations: Types.ObjectId[];
  periods: string[];
  status: "running" | "done";
  prepared: boolean;
  moved: number;
  startedAt: Date;
  updatedAt: Date;
  finishedAt?: Date | null;
}

export interface MergeProgress {
  into: string;
  status: "running" | "done";
  moved: number;
  startedAt: string;
  updatedAt: string;
  finishedAt: string | null;
}

function toProgress(job: JobDoc): MergeProgress {
  return {
    into: job.intoCode,
    status: job.status,
    moved: job.moved,
    startedAt: job.startedAt.toISOString(),
    updatedAt: job.updatedAt.toISOString(),
    finishedAt: job.finishedAt?.toISOString() ?? null,
  };
}

/** The merge of this (duplicate) organization, if one was recorded. */
export async function mergeProgress({ organizationId }: { organizationId: string }): Promise<MergeProgress | null> {
  const job = await MergeJob.findById(organizationId).lean<JobDoc>();
  return job ? toProgress(job) : null;
}

interface Side {
  id: string;
  code: string;
}

/** Records the merge (insertOne: of two admins merging the same duplicate at once, one gets MergeAlreadyRecorded). */
export async function recordMerge({
  from,
  into,
  periods,
  now = new Date(),
}: {
  from: Side;
  into: Side;
  periods: string[];
  now?: Date;
}): Promise<void> {
  const evaluations = await Evaluation.find({ organization: from.id }, { _id: 1 }).limit(1000).lean();
  try {
    await MergeJob.create({
      _id: from.id,
      fromCode: from.code,
      intoId: into.id,
      intoCode: into.code,
      evaluations: evaluations.map((doc) => doc._id),
      periods,
      status: "running",
      startedAt: now,
      updatedAt: now,
    });
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code === 11000) throw new MergeAlreadyRecorded();
    throw error;
  }
}

/**
 * Moves the duplicate's evaluations to the target and marks the duplicate merged (idempotent $sets by `_id`).
 * From then on a comment on one of those evaluations is stored on the target: intake takes the organization
 * from the evaluation.
 */
export async function applyMergeStructure({ organizationId }: { organizationId: string }): Promise<void> {
  const job = await MergeJob.findById(organizationId).lean<JobDoc>();
  if (!job) return;
  const target = await Organization.findById(job.intoId, { code: 1, name: 1, kind: 1, district: 1 }).lean();
  if (!target) throw new Error(`merge target ${job.intoCode} is gone`);
  const set = {
    organization: target._id,
    orgCode: target.code,
    orgName: target.name,
    nameSearch: searchKey(target.name),
    kind: target.kind,
    district: target.district,
  };
  for (const id of job.evaluations) await serialised(Evaluation, id, () => Evaluation.updateOne({ _id: id }, { $set: set }));
  await serialised(Organization, job._id, () =>
    Organization.updateOne({ _id: job._id }, { $set: { active: false, mergedInto: job.intoCode } }),
  );
  await catalogChanged();
  await MergeJob.updateOne({ _id: job._id }, { $set: { prepared: true } });
}

interface MovingItem {
  _id: Types.ObjectId;
  organization: Types.ObjectId;
  evaluation: Types.ObjectId;
  period: string;
  stance: Stance;
  status: FeedbackStatus;
  proposedRating?: string | null;
  publicBody: string;
  displayName?: string | null;
  isResident: boolean;
  flags: unknown[];
  createdAt: Date;
  moderation?: { decidedAt?: Date | null } | null;
}

const ITEM_FIELDS = {
  organization: 1,
  evaluation: 1,
  period: 1,
  stance: 1,
  status: 1,
  proposedRating: 1,
  ratingGiven: 1,
  publicBody: 1,
  displayName: 1,
  isResident: 1,
  flags: 1,
  createdAt: 1,
  "moderation.decidedAt": 1,
};

/** The read models that name the item's organization follow it: its queue entry while pending, its published slot once approved. */
async function followReadModels(item: MovingItem, from: string, into: { id: string; district: string }): Promise<void> {
  const id = String(item._id);
  if (item.status === "pending") {
    const { matchedCount } = await QueueEntry.updateOne({ _id: id }, { $set: { organization: into.id, district: into.district } });
    if (matchedCount === 0) return;
    unindexQueueEntry(id);
    indexQueueEntry(
      indexedEntryOf({
        _id: id,
        createdAt: item.createdAt,
        period: item.period,
        district: into.district,
        stance: item.stance,
        flagged: item.flags.length > 0,
        organization: into.id,
      }),
    );
  } else if (item.status === "approved") {
    await hideFeedItem({ organizationId: from, feedbackId: id });
    await publishFeedItem({ organizationId: into.id, source: item, now: item.moderation?.decidedAt ?? item.createdAt });
  }
}

/** Moves one item by `_id` (serialised with decisions on the same item on FerretDB); moving it twice changes nothing. */
async function moveItem(id: Types.ObjectId, from: string, into: { id: string; district: string }): Promise<void> {
  await serialised(Feedback, id, async () => {
    const item = await Feedback.findById(id, ITEM_FIELDS).lean<MovingItem>();
    if (!item || String(item.organization) !== from) return;
    await Feedback.updateOne({ _id: id }, { $set: { organization: into.id, district: into.district } });
    await followReadModels(item, from, into);
  });
}

/** Takes or renews the job's lease: a conditional single-document update, atomic on MongoDB; one process on FerretDB. */
async function takeLease(id: string, owner: string, now: Date): Promise<boolean> {
  const { matchedCount } = await serialised(MergeJob, id, () =>
    MergeJob.updateOne(
      { _id: id, status: "running", $or: [{ leaseOwner: owner }, { leaseUntil: null }, { leaseUntil: { $lte: now } }] },
      { $set: { leaseOwner: owner, leaseUntil: new Date(now.getTime() + LEASE_MS) } },
    ),
  );
  return matchedCount === 1;
}

/** Counters stay on the evaluations that moved; the recount confirms them and moves participation to the target's district. */
async function finish(job: JobDoc, now: Date): Promise<void> {
  for (const period of job.periods) await recountCounters({ period });
  await MergeJob.updateOne(
    { _id: job._id },
    { $set: { status: "done", finishedAt: now, updatedAt: now }, $unset: { leaseOwner: 1, leaseUntil: 1 } },
  );
}

export type StepResult = "moving" | "settling" | "done" | "busy";

/**
 * One step of a merge: list the duplicate's remaining feedback and move it in batches, saving progress after
 * each; with none left once MERGE_SETTLE_MS have passed since the start (items a stale instance stored on
 * the duplicate are caught meanwhile), recount and finish.
 */
export async function mergeStep({
  id,
  owner,
  now = new Date(),
  listLimit = LIST_LIMIT,
}: {
  id: string;
  owner: string;
  now?: Date;
  listLimit?: number;
}): Promise<StepResult> {
  const job = await MergeJob.findById(id).lean<JobDoc>();
  if (!job || job.status === "done") return "done";
  if (!(await takeLease(id, owner, now))) return "busy";
  if (!job.prepared) await applyMergeStructure({ organizationId: id });
  const into = await Organization.findById(job.intoId, { district: 1 }).lean();
  if (!into) throw new Error(`merge target ${job.intoCode} is gone`);
  const ids = (await Feedback.find({ organization: id }, { _id: 1 }).limit(listLimit).lean()).map((doc) => doc._id);
  if (ids.length === 0) {
    if (now.getTime() - job.startedAt.getTime() < MERGE_SETTLE_MS) return "settling";
    await finish(job, now);
    return "done";
  }
  for (let from = 0; from < ids.length; from += BATCH) {
    const batch = ids.slice(from, from + BATCH);
    await Promise.all(batch.map((itemId) => moveItem(itemId, id, { id: String(into._id), district: into.district })));
    await MergeJob.updateOne(
      { _id: id },
      { $inc: { moved: batch.length }, $set: { updatedAt: new Date(), leaseUntil: new Date(Date.now() + LEASE_MS) } },
    );
  }
  return "moving";
}

/** This process's worker: the server starts it (from the build) and a route's kick reaches the same module. */
interface WorkerState {
  owner: string;
  timer: NodeJS.Timeout | null;
  running: Promise<void> | null;
  onError: (error: unknown) => void;
}
const worker: WorkerState = { owner: randomBytes(8).toString("hex"), timer: null, running: null, onError: () => undefined };

/** Works every running merge until each is done, settling or leased elsewhere; one run at a time per process. */
export function runMergeJobs(): Promise<void> {
  worker.running ??= (async () => {
    const jobs = await MergeJob.find({ status: "running" }, { _id: 1 }).sort({ status: 1, _id: 1 }).limit(20).lean();
    for (const job of jobs) while ((await mergeStep({ id: job._id, owner: worker.owner })) === "moving");
  })()
    .catch((error: unknown) => worker.onError(error))
    .finally(() => {
      worker.running = null;
    });
  return worker.running;
}

/** Starts the worker in the app process: at once (a restart resumes unfinished merges), then every `intervalMs`. */
export function startMergeWorker({ intervalMs = 10_000, onError }: { intervalMs?: number; onError: (error: unknown) => void }): void {
  worker.onError = onError;
  if (worker.timer) return;
  worker.timer = setInterval(() => void runMergeJobs(), intervalMs);
  worker.timer.unref();
  void runMergeJobs();
}

/** Starts work on a merge just recorded, when this process runs the worker (tests drive mergeStep themselves). */
export function kickMergeWorker(): void {
  if (worker.timer) void runMergeJobs();
}
