import { Schema, type Types } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import type { Stance } from "./feedback.server";
import type { PublicFeedback } from "./feedback-read.server";
import { maskPersonalData } from "./feedback-flags";
import { publicDataChanged } from "../db/public-generation";

/** Items per bucket: a page of 20 needs one or two `{_id}` reads. */
export const BUCKET_SIZE = 25;

/** A published comment as the organization page shows it; `slot` is its place in publication order. */
export interface FeedItem extends Omit<PublicFeedback, "createdAt"> {
  slot: number;
  evaluation: string;
  createdAt: Date;
  publishedAt: Date;
}

const FeedItemSchema = new Schema(
  {
    id: { type: String, required: true },
    slot: { type: Number, required: true },
    evaluation: { type: String, required: true },
    period: { type: String, required: true },
    stance: { type: String, required: true },
    proposedRating: { type: String, default: null },
    ratingGiven: { type: String, default: null },
    body: { type: String, required: true },
    displayName: { type: String, default: null },
    isResident: { type: Boolean, required: true },
    createdAt: { type: Date, required: true },
    publishedAt: { type: Date, required: true },
  },
  { _id: false },
);

/**
 * The published comments of one organization, read only by `_id` (FerretDB hands nothing else to SQLite).
 * `<organizationId>:head` counts the slots handed out (`published`) and holds the overrides:
 * `hidden[feedbackId]` = a slot: every appearance of that item in an earlier slot is withdrawn;
 * `redacted[feedbackId]` = the text that replaces its published body.
 * `<organizationId>:<n>` holds the items of slots n·25 … n·25+24, appended as they are published.
 */
const FeedBucketSchema = new Schema(
  {
    _id: { type: String, required: true },
    published: { type: Number },
    hidden: { type: Schema.Types.Mixed },
    redacted: { type: Schema.Types.Mixed },
    items: { type: [FeedItemSchema], default: undefined },
  },
  { minimize: false },
);

export const FeedBucket = defineModel("FeedBucket", FeedBucketSchema, "feedbuckets");

export interface FeedHead {
  published: number;
  hidden: Record<string, number>;
  redacted: Record<string, string>;
}

export function headId(organizationId: string): string {
  return `${organizationId}:head`;
}

export function bucketId(organizationId: string, bucket: number): string {
  return `${organizationId}:${bucket}`;
}

export function bucketOf(slot: number): number {
  return Math.floor(slot / BUCKET_SIZE);
}

/** What gets published of a feedback item: the public text and a masked name, never the contact. */
export interface FeedSource {
  _id: Types.ObjectId | string;
  evaluation: Types.ObjectId | string;
  period: string;
  stance: Stance;
  proposedRating?: string | null;
  ratingGiven?: string | null;
  publicBody: string;
  displayName?: string | null;
  isResident: boolean;
  createdAt: Date;
}

export function feedItemFor(doc: FeedSource, slot: number, publishedAt: Date): FeedItem {
  return {
    id: String(doc._id),
    slot,
    evaluation: String(doc.evaluation),
    period: doc.period,
    stance: doc.stance,
    proposedRating: doc.proposedRating ?? null,
    ratingGiven: doc.ratingGiven ?? null,
    body: doc.publicBody,
    displayName: doc.displayName ? maskPersonalData(doc.displayName) : null,
    isResident: doc.isResident,
    createdAt: doc.createdAt,
    publishedAt,
  };
}

/** Hands out the organization's next slot ($inc on the head; serialised per head on FerretDB). */
async function nextSlot(organizationId: string): Promise<number> {
  const _id = headId(organizationId);
  const head = await serialised(FeedBucket, _id, () =>
    FeedBucket.findOneAndUpdate({ _id }, { $inc: { published: 1 } }, { upsert: true, returnDocument: "after" }).lean<{
      published: number;
    }>(),
  );
  return head!.published - 1;
}

/** One write to one bucket or head document; FerretDB writes the whole document back, so one at a time per `_id`. */
async function writeFeedDoc(_id: string, update: Record<string, unknown>) {
  const written = await serialised(FeedBucket, _id, () => FeedBucket.updateOne({ _id }, update, { upsert: true }));
  publicDataChanged();
  return written;
}

/** Appends the item to its organization's newest slot; returns the slot. */
export async function publishFeedItem({
  organizationId,
  source,
  now,
}: {
  organizationId: string;
  source: FeedSource;
  now: Date;
}): Promise<number> {
  const slot = await nextSlot(organizationId);
  await writeFeedDoc(bucketId(organizationId, bucketOf(slot)), { $push: { items: feedItemFor(source, slot, now) } });
  return slot;
}

/** Withdraws every published appearance of the item (a later publication takes a newer slot and shows again). */
export async function hideFeedItem({ organizationId, feedbackId }: { organizationId: string; feedbackId: string }): Promise<void> {
  const slot = await nextSlot(organizationId);
  await writeFeedDoc(headId(organizationId), { $set: { [`hidden.${feedbackId}`]: slot } });
}

/** Replaces the published text of the item wherever it appears. */
export async function redactFeedItem({
  organizationId,
  feedbackId,
  body,
}: {
  organizationId: string;
  feedbackId: string;
  body: string;
}): Promise<void> {
  await writeFeedDoc(headId(organizationId), { $set: { [`redacted.${feedbackId}`]: body } });
}

/** The organization's head: how many slots were handed out, and the overrides. */
export async function readFeedHead(organizationId: string): Promise<FeedHead> {
  const head = await FeedBucket.findById(headId(organizationId), { published: 1, hidden: 1, redacted: 1 }).lean<Partial<FeedHead>>();
  return { published: head?.published ?? 0, hidden: head?.hidden ?? {}, redacted: head?.redacted ?? {} };
}

/** The items of one bucket, newest slot first (concurrent publications may have landed out of order). */
export async function readFeedBucket(organizationId: string, bucket: number): Promise<FeedItem[]> {
  const doc = await FeedBucket.findById(bucketId(organizationId, bucket), { items: 1 }).lean<{ items?: FeedItem[] }>();
  return (doc?.items ?? []).sort((a, b) => b.slot - a.slot);
}

/** Whether the head withdrew this appearance of an item. */
export function isHidden(head: FeedHead, item: FeedItem): boolean {
  const until = head.hidden[item.id];
  return until !== undefined && item.slot < until;
}
