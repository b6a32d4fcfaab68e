import { Schema, type InferSchemaType } from "mongoose";
import { serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { BURST_WINDOW_MS } from "./feedback-flags";
import { similarKeys } from "../lib/similarity-key.server";

/**
 * Recent intake on one organization, one document per fixed window of BURST_WINDOW_MS:
 * `_id` is "<organizationId>:<windowStart>". The burst check reads two of them by `_id`
 * instead of scanning the feedback collection. Expired windows go by a periodic delete.
 */
const IntakeWindowSchema = new Schema(
  {
    _id: { type: String, required: true },
    /** One entry per accepted item: when (ms), its similarityKey, its feedback id and its campaign wave (if any). */
    items: {
      type: [
        new Schema(
          { at: { type: Number, required: true }, key: { type: String, required: true }, id: { type: String }, wave: { type: String } },
          { _id: false },
        ),
      ],
      default: [],
    },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
IntakeWindowSchema.index({ expiresAt: 1 });

export type IntakeWindowDoc = InferSchemaType<typeof IntakeWindowSchema>;
export const IntakeWindow = defineModel("IntakeWindow", IntakeWindowSchema, "intakewindows");

/** Entries kept per window: enough to see any burst; beyond it the flag is raised already. */
export const INTAKE_WINDOW_CAP = 200;

function windowStart(at: number): number {
  return at - (at % BURST_WINDOW_MS);
}

function windowId(organizationId: string, start: number): string {
  return `${organizationId}:${start}`;
}

export interface RecentIntake {
  /** Items on the organization within BURST_WINDOW_MS whose text is similar to this one. */
  similar: number;
  /** The current window holds INTAKE_WINDOW_CAP entries: record no more. */
  full: boolean;
  /** Those similar items (recorded with an id), so a detected wave can mark its earlier members. */
  members: IntakeMember[];
}

/** A recent similar item: its feedback id, when it came, and the wave it was put in (if any). */
export interface IntakeMember {
  id: string;
  at: number;
  wave?: string | null;
}

/** Counts similar items on an organization in the last BURST_WINDOW_MS from the current and the previous window. */
export async function recentIntake({
  organizationId,
  key,
  now,
}: {
  organizationId: string;
  key: string;
  now: Date;
}): Promise<RecentIntake> {
  const start = windowStart(now.getTime());
  const [current, previous] = await Promise.all(
    [start, start - BURST_WINDOW_MS].map((from) =>
      IntakeWindow.findById(windowId(organizationId, from), { items: 1 }).lean<IntakeWindowDoc>(),
    ),
  );
  const since = now.getTime() - BURST_WINDOW_MS;
  const items = [...(current?.items ?? []), ...(previous?.items ?? [])];
  const similar = items.filter((item) => item.at >= since && similarKeys(item.key, key));
  return {
    similar: similar.length,
    full: (current?.items.length ?? 0) >= INTAKE_WINDOW_CAP,
    members: similar.flatMap((item) => (item.id ? [{ id: item.id, at: item.at, wave: item.wave ?? null }] : [])),
  };
}

/** Remembers an accepted item's similarity key, id and wave in its organization's current window ($push, serialised per window on FerretDB). */
export async function recordIntake({
  organizationId,
  key,
  now,
  feedbackId,
  wave,
}: {
  organizationId: string;
  key: string;
  now: Date;
  feedbackId?: string;
  wave?: string;
}): Promise<void> {
  const start = windowStart(now.getTime());
  const id = windowId(organizationId, start);
  // Read while the next window is current, so it lives two windows.
  const expiresAt = new Date(start + 2 * BURST_WINDOW_MS);
  await serialised(IntakeWindow, id, () =>
    IntakeWindow.updateOne(
      { _id: id },
      {
        $push: { items: { at: now.getTime(), key, ...(feedbackId ? { id: feedbackId } : {}), ...(wave ? { wave } : {}) } },
        $setOnInsert: { expiresAt },
      },
      { upsert: true },
    ),
  );
}

/** Removes windows no burst check reads any more; run periodically. */
export async function purgeExpiredIntakeWindows(now = new Date()): Promise<number> {
  const result = await IntakeWindow.deleteMany({ expiresAt: { $lt: now } });
  return result.deletedCount;
}
