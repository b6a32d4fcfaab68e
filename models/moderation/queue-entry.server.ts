import { Schema, type Types } from "mongoose";
import { defineModel } from "../db/define-model.server";
import type { Stance } from "../feedback/feedback.server";
import { indexedEntryOf, indexQueueEntry, unindexQueueEntry } from "./queue-index.server";

const FlagSchema = new Schema({ kind: { type: String, required: true }, detail: { type: String, default: "" } }, { _id: false });

/**
 * One pending feedback item awaiting a decision, `_id` = the feedback's `_id`. The queue page reads
 * only this collection, which stays as small as the backlog (FerretDB scans a collection per query);
 * a moderator claims an item by deleting its entry, which exactly one caller can do.
 */
const QueueEntrySchema = new Schema({
  _id: { type: Schema.Types.ObjectId, required: true },
  createdAt: { type: Date, required: true },
  evaluation: { type: Schema.Types.ObjectId, required: true },
  organization: { type: Schema.Types.ObjectId, required: true },
  period: { type: String, required: true },
  district: { type: String, required: true },
  stance: { type: String, required: true },
  flagged: { type: Boolean, required: true },
  trackingCode: { type: String, required: true },
  body: { type: String, required: true },
  publicBody: { type: String, required: true },
  displayName: { type: String },
  isResident: { type: Boolean, required: true },
  flags: { type: [FlagSchema], default: [] },
  proposedRating: { type: String },
  /** Residents' follow-up (absent: a new comment): the author asked for removal, or readers' reports hid it. */
  kind: { type: String, enum: ["removal", "reports"] },
  /** For a follow-up entry, the feedback item (the entry has an `_id` of its own). */
  feedback: { type: Schema.Types.ObjectId },
  /** For an entry after reports: how many and why, as moderators see them. */
  reports: { count: { type: Number }, reasons: { type: Schema.Types.Mixed } },
  /** The campaign wave the item belongs to (models/feedback/campaign-wave.server.ts). */
  wave: { type: String },
});
// Oldest first under each filter the queue offers, on MongoDB (further filters narrow the index range's rows).
QueueEntrySchema.index({ createdAt: 1, _id: 1 });
for (const field of ["period", "district", "stance", "flagged", "organization", "kind"])
  QueueEntrySchema.index({ [field]: 1, createdAt: 1, _id: 1 });

export const QueueEntry = defineModel("QueueEntry", QueueEntrySchema, "queue");

/** The feedback fields an entry copies; what an insert of a feedback item returns is enough. */
export interface QueueSource {
  _id: Types.ObjectId | string;
  createdAt: Date;
  evaluation: Types.ObjectId | string;
  organization: Types.ObjectId | string;
  period: string;
  district: string;
  stance: Stance;
  trackingCode: string;
  body: string;
  publicBody: string;
  displayName?: string | null;
  isResident: boolean;
  flags?: { kind: string; detail?: string | null }[] | null;
  proposedRating?: string | null;
  wave?: string | null;
}

/** The entry for a pending item, as a plain document (for insertOne and the bulk rebuild alike). */
export function queueEntryFor(doc: QueueSource) {
  const flags = (doc.flags ?? []).map((flag) => ({ kind: flag.kind, detail: flag.detail ?? "" }));
  return {
    _id: doc._id,
    createdAt: doc.createdAt,
    evaluation: doc.evaluation,
    organization: doc.organization,
    period: doc.period,
    district: doc.district,
    stance: doc.stance,
    flagged: flags.length > 0,
    trackingCode: doc.trackingCode,
    body: doc.body,
    publicBody: doc.publicBody,
    ...(doc.displayName ? { displayName: doc.displayName } : {}),
    isResident: doc.isResident,
    flags,
    ...(doc.proposedRating ? { proposedRating: doc.proposedRating } : {}),
    ...(doc.wave ? { wave: doc.wave } : {}),
  };
}

/** Puts a freshly stored pending item in the queue (one insert: ~2 ms whatever the backlog). */
export async function enqueueFeedback(doc: QueueSource): Promise<void> {
  await insertEntry(queueEntryFor(doc));
}

async function insertEntry(entry: ReturnType<typeof queueEntryFor> & { kind?: FollowUpKind }): Promise<void> {
  await QueueEntry.create(entry);
  indexQueueEntry(indexedEntryOf(entry));
}

export type FollowUpKind = "removal" | "reports";

/** What a moderator needs to judge a follow-up: how many readers reported it and why. */
export interface ReportSummary {
  count: number;
  reasons: Record<string, number>;
}

/**
 * Puts a published item back in the queue for a moderator to keep or remove, under the entry id `entryId`
 * (stored on the item, so the decision claims exactly this entry); queued `now`, so it waits behind earlier work.
 */
export async function enqueueFollowUp({
  doc,
  entryId,
  kind,
  reports,
  now,
}: {
  doc: QueueSource;
  entryId: Types.ObjectId;
  kind: FollowUpKind;
  reports?: ReportSummary;
  now: Date;
}): Promise<void> {
  // Not "flagged": the statistics count flagged new comments, and a follow-up is marked by its kind already.
  const entry = {
    ...queueEntryFor(doc),
    _id: entryId,
    createdAt: now,
    flagged: false,
    feedback: doc._id,
    kind,
    ...(reports ? { reports } : {}),
  };
  try {
    await insertEntry(entry);
  } catch (error) {
    // Put back after a failed decision: the entry is there already.
    if ((error as { code?: unknown } | null)?.code !== 11000) throw error;
  }
}

/** Puts an item back after a decision failed half-way; an entry already there is fine. */
export async function requeueFeedback(doc: QueueSource): Promise<void> {
  try {
    await enqueueFeedback(doc);
  } catch (error) {
    if ((error as { code?: unknown } | null)?.code !== 11000) throw error;
  }
}

/** Takes the item out of the queue; exactly one of several racing callers gets true (deleteOne is atomic on both databases). */
export async function claimQueueEntry(id: string): Promise<boolean> {
  const { deletedCount } = await QueueEntry.deleteOne({ _id: id });
  if (deletedCount !== 1) return false;
  unindexQueueEntry(id);
  return true;
}
