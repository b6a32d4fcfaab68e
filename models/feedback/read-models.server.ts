import type { Model, Types } from "mongoose";
import { BUCKET_SIZE, bucketId, FeedBucket, feedItemFor, headId, type FeedSource } from "./feed-bucket.server";
import { Feedback, type FeedbackStatus } from "./feedback.server";
import { FeedbackCode, feedbackCodeDocs } from "./feedback-code.server";
import { QueueEntry, queueEntryFor, type QueueSource } from "../moderation/queue-entry.server";
import { markRebuilt } from "../db/read-model-state.server";

/** Documents per insertMany: FerretDB takes ~10,000 small documents a second this way. */
const BATCH = 1000;
/** Bucket documents hold up to 25 comments each, so fewer per insert. */
const BUCKET_BATCH = 100;

export interface ReadModelsReport {
  feedback: number;
  codes: number;
  queue: number;
  published: number;
  organizations: number;
  ms: number;
}

type Row = QueueSource &
  FeedSource & {
    status: FeedbackStatus;
    moderation?: { decidedAt?: Date | null } | null;
    followUp?: { entry?: Types.ObjectId | null } | null;
    followUpAt?: Date | null;
    reports?: { count?: number; reviewed?: number; reasons?: Record<string, number> } | null;
  };

const ROW_FIELDS = {
  evaluation: 1,
  organization: 1,
  period: 1,
  district: 1,
  stance: 1,
  trackingCode: 1,
  body: 1,
  publicBody: 1,
  displayName: 1,
  isResident: 1,
  flags: 1,
  proposedRating: 1,
  ratingGiven: 1,
  createdAt: 1,
  status: 1,
  "moderation.decidedAt": 1,
  followUp: 1,
  followUpAt: 1,
  reports: 1,
  wave: 1,
} as const;

/** The queue entry of an item back for review (a removal request, or hidden after reports), under its own entry id. */
function followUpEntryOf(row: Row) {
  const kind = row.status === "removal-requested" ? "removal" : "reports";
  const reports = { count: (row.reports?.count ?? 0) - (row.reports?.reviewed ?? 0), reasons: { ...row.reports?.reasons } };
  return {
    ...queueEntryFor(row),
    _id: row.followUp!.entry!,
    createdAt: row.followUpAt ?? row.createdAt,
    flagged: false,
    feedback: row._id,
    kind,
    ...(kind === "reports" ? { reports } : {}),
  };
}

/** An approved item waiting for its slot: publication order is the order of decisions. */
interface Approved {
  source: FeedSource;
  publishedAt: Date;
  id: string;
}

async function recreate(model: Model<never>): Promise<void> {
  await model.collection.drop().catch((error: { codeName?: string; code?: number }) => {
    if (error.codeName !== "NamespaceNotFound" && error.code !== 26) throw error;
  });
  await model.createIndexes();
}

/** Collects documents and writes them in batches (insertMany, lean: they are built to the schema already). */
function batchWriter(model: Model<never>, size: number) {
  let pending: object[] = [];
  let written = 0;
  const flush = async () => {
    if (pending.length === 0) return;
    const docs = pending;
    pending = [];
    await model.insertMany(docs, { lean: true, ordered: false });
    written += docs.length;
  };
  return {
    add: async (doc: object) => {
      pending.push(doc);
      if (pending.length >= size) await flush();
    },
    finish: async () => {
      await flush();
      return written;
    },
  };
}

function byPublication(a: Approved, b: Approved): number {
  return a.publishedAt.getTime() - b.publishedAt.getTime() || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** Each organization's head and buckets, slots handed out in the order the items were approved. */
async function writeFeeds(approved: Map<string, Approved[]>): Promise<number> {
  const buckets = batchWriter(FeedBucket as unknown as Model<never>, BUCKET_BATCH);
  let published = 0;
  for (const [organizationId, items] of approved) {
    items.sort(byPublication);
    await buckets.add({ _id: headId(organizationId), published: items.length, hidden: {}, redacted: {} });
    for (let from = 0; from < items.length; from += BUCKET_SIZE) {
      const slice = items.slice(from, from + BUCKET_SIZE).map((item, i) => feedItemFor(item.source, from + i, item.publishedAt));
      await buckets.add({ _id: bucketId(organizationId, from / BUCKET_SIZE), items: slice });
    }
    published += items.length;
  }
  await buckets.finish();
  return published;
}

/**
 * Drops and rebuilds the read models derived from the feedback collection in one streamed scan: the
 * tracking-code map (`feedbackcodes`), the pending queue (`queue`) and each organization's published
 * comments (`feedbuckets`). For `summaries:rebuild`, the seed and bench data; while it runs, the queue and
 * the published lists are incomplete, and a decision taken meanwhile may need another run.
 */
export async function rebuildFeedbackReadModels({ now = new Date() }: { now?: Date } = {}): Promise<ReadModelsReport> {
  const started = Date.now();
  for (const model of [FeedbackCode, QueueEntry, FeedBucket]) await recreate(model as unknown as Model<never>);
  const codes = batchWriter(FeedbackCode as unknown as Model<never>, BATCH);
  const queue = batchWriter(QueueEntry as unknown as Model<never>, BATCH);
  const approved = new Map<string, Approved[]>();
  let feedback = 0;
  for await (const row of Feedback.find({}, ROW_FIELDS).lean<Row[]>().cursor({ batchSize: BATCH })) {
    feedback++;
    await codes.add(feedbackCodeDocs([row as { _id: Types.ObjectId; trackingCode: string }])[0]!);
    if (row.status === "pending") await queue.add(queueEntryFor(row));
    if ((row.status === "removal-requested" || row.status === "under-review") && row.followUp?.entry) await queue.add(followUpEntryOf(row));
    if (row.status !== "approved") continue;
    const organizationId = String(row.organization);
    const list = approved.get(organizationId) ?? [];
    const { _id, evaluation, period, stance, proposedRating, publicBody, displayName, isResident, createdAt } = row;
    // Only what gets published is kept until the scan ends (the original body and the code are not).
    list.push({
      source: { _id, evaluation, period, stance, proposedRating, publicBody, displayName, isResident, createdAt },
      publishedAt: row.moderation?.decidedAt ?? row.createdAt,
      id: String(row._id),
    });
    approved.set(organizationId, list);
  }
  const report = {
    feedback,
    codes: await codes.finish(),
    queue: await queue.finish(),
    published: await writeFeeds(approved),
    organizations: approved.size,
  };
  for (const [name, count] of [
    ["feedbackcodes", report.codes],
    ["queue", report.queue],
    ["feedbuckets", report.published],
  ] as const)
    await markRebuilt({ name, count, now });
  return { ...report, ms: Date.now() - started };
}
