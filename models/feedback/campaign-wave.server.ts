import { Schema, type Types } from "mongoose";
import { isFerretDB, serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { CAMPAIGN_FLAG, countCampaignFlag } from "./campaign-flags.server";
import { Feedback } from "./feedback.server";
import type { IntakeMember } from "./intake-window.server";
import { recordAudit } from "../moderation/audit.server";
import { QueueEntry } from "../moderation/queue-entry.server";
import { indexedEntryOf, indexQueueEntry, unindexQueueEntry, type EntryKeys } from "../moderation/queue-index.server";

/**
 * One coordinated wave of similar comments on an organization, `_id` = its first member's id. Members are
 * listed (bounded by WAVE_MEMBERS_CAP) so a wave is shown and decided as one group without scanning feedback;
 * its size is the number listed.
 */
const WaveSchema = new Schema(
  {
    _id: { type: String, required: true },
    organization: { type: String, required: true },
    /** The first flagged member's published (masked) text, for moderators to recognise the wave. */
    sample: { type: String, required: true },
    members: { type: [String], default: [] },
    createdAt: { type: Date, required: true },
  },
  { versionKey: false },
);
const Wave = defineModel("Wave", WaveSchema, "waves");

/** Members listed per wave: more than a moderator decides in one go; later members still carry the wave and its flag. */
const WAVE_MEMBERS_CAP = 500;

export interface WaveInfo {
  id: string;
  size: number;
  sample: string;
}

/** The wave a new member joins: the one its similar recent items already belong to, else the earliest of them starts it. */
export function waveOf({ members, newId }: { members: IntakeMember[]; newId: string }): string {
  const sorted = [...members].sort((a, b) => a.at - b.at || a.id.localeCompare(b.id));
  return sorted.find((member) => member.wave)?.wave ?? sorted[0]?.id ?? newId;
}

interface MemberDoc {
  _id: Types.ObjectId;
  evaluation: Types.ObjectId;
  period: string;
  status: string;
  wave?: string | null;
  flags: { kind: string }[];
}

/** Puts one earlier item in the wave (once: an item already in a wave is left alone); returns it when it was marked. */
async function markMember({ id, wave, detail }: { id: string; wave: string; detail: string }): Promise<MemberDoc | null> {
  const fields = { evaluation: 1, period: 1, status: 1, wave: 1, flags: 1 };
  const change = (doc: MemberDoc) => ({
    $set: { wave },
    ...(doc.flags.some((flag) => flag.kind === CAMPAIGN_FLAG) ? {} : { $push: { flags: { kind: CAMPAIGN_FLAG, detail } } }),
  });
  // FerretDB: read and write by `_id` under the item's lock; MongoDB: one conditional update, whichever instance races.
  if (isFerretDB()) {
    return serialised(Feedback, id, async () => {
      const doc = await Feedback.findById(id, fields).lean<MemberDoc>();
      if (!doc || doc.wave) return null;
      await Feedback.updateOne({ _id: id }, change(doc));
      return doc;
    });
  }
  const doc = await Feedback.findById(id, fields).lean<MemberDoc>();
  if (!doc || doc.wave) return null;
  const won = await Feedback.updateOne({ _id: id, wave: { $exists: false } }, change(doc));
  return won.modifiedCount === 1 ? doc : null;
}

/** A still-pending member's queue entry gets the flag and the wave too (a claimed entry is simply not there). */
async function markQueueEntry({ doc, wave, detail }: { doc: MemberDoc; wave: string; detail: string }): Promise<void> {
  const flagged = doc.flags.some((flag) => flag.kind === CAMPAIGN_FLAG);
  const change = { $set: { wave, flagged: true }, ...(flagged ? {} : { $push: { flags: { kind: CAMPAIGN_FLAG, detail } } }) };
  const { matchedCount } = await QueueEntry.updateOne({ _id: doc._id }, change);
  // FerretDB's findAndModify takes no projection: read the keys back by `_id`.
  const entry =
    matchedCount === 1
      ? await QueueEntry.findById(doc._id, {
          createdAt: 1,
          period: 1,
          district: 1,
          stance: 1,
          flagged: 1,
          organization: 1,
          kind: 1,
        }).lean<EntryKeys>()
      : null;
  if (!entry) return;
  // The in-process index filters on `flagged`: replace its keys.
  unindexQueueEntry(String(doc._id));
  indexQueueEntry(indexedEntryOf(entry));
}

/**
 * Records a new member of `wave` and marks the earlier similar items not in it yet: flag (counted as a campaign
 * flag), wave, and the queue entry of those still pending. Decided members keep their decision. Reads and writes by `_id` only.
 */
export async function joinWave(input: {
  wave: string;
  organizationId: string;
  newId: string;
  sample: string;
  members: IntakeMember[];
  now: Date;
}): Promise<void> {
  const detail = String(input.members.length + 1);
  const earlier = input.members.filter((member) => !member.wave && member.id !== input.newId);
  const marked: string[] = [];
  for (const member of earlier) {
    const doc = await markMember({ id: member.id, wave: input.wave, detail });
    if (!doc) continue;
    marked.push(member.id);
    if (!doc.flags.some((flag) => flag.kind === CAMPAIGN_FLAG))
      await countCampaignFlag({ evaluationId: String(doc.evaluation), period: doc.period, flags: [{ kind: CAMPAIGN_FLAG }] });
    if (doc.status === "pending") await markQueueEntry({ doc, wave: input.wave, detail });
  }
  await addMembers({ ...input, ids: [...marked, input.newId] });
}

async function addMembers({
  wave,
  organizationId,
  sample,
  ids,
  now,
}: {
  wave: string;
  organizationId: string;
  sample: string;
  ids: string[];
  now: Date;
}): Promise<void> {
  await serialised(Wave, wave, async () => {
    const doc = await Wave.findById(wave, { members: 1 }).lean<{ members: string[] }>();
    const room = WAVE_MEMBERS_CAP - (doc?.members.length ?? 0);
    if (room <= 0) return;
    await Wave.updateOne(
      { _id: wave },
      { $addToSet: { members: { $each: ids.slice(0, room) } }, $setOnInsert: { organization: organizationId, sample, createdAt: now } },
      { upsert: true },
    );
  });
}

/** The waves named on a page of queue items, by `_id` (a page names a few at most). */
export async function wavesById(ids: string[]): Promise<Map<string, WaveInfo>> {
  const docs = await Promise.all(
    [...new Set(ids)].map((id) => Wave.findById(id, { sample: 1, members: 1 }).lean<{ _id: string; sample: string; members: string[] }>()),
  );
  return new Map(docs.filter((doc) => doc !== null).map((doc) => [doc._id, { id: doc._id, size: doc.members.length, sample: doc.sample }]));
}

/** The given ids that are listed members of `wave`, in the order given; null when there is no such wave. */
export async function waveMembersAmong({ wave, ids }: { wave: string; ids: string[] }): Promise<string[] | null> {
  const doc = await Wave.findById(wave, { members: 1 }).lean<{ members: string[] }>();
  if (!doc) return null;
  const members = new Set(doc.members);
  return ids.filter((id) => members.has(id));
}

/** One audit event for a wave decided together, beside the per-item events `decideFeedback` records. */
export async function recordWaveDecision(input: {
  wave: string;
  decision: "approve" | "reject";
  reason?: string;
  note?: string;
  moderator: { id: string; email: string };
  ids: string[];
  decided: number;
  alreadyDecided: number;
}): Promise<void> {
  await recordAudit({
    actor: input.moderator,
    action: `wave.${input.decision}`,
    targetType: "wave",
    targetId: input.wave,
    reason: input.reason,
    note: input.note,
    before: { pending: input.ids },
    after: { decided: input.decided, alreadyDecided: input.alreadyDecided },
  });
}
