import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { serialised } from "../db/connection.server";
import { publicDataChanged } from "../db/public-generation";
import { recordAudit } from "../moderation/audit.server";
import type { HideReplyInput } from "./reply-input.server";
import { Reply, ReplyVersion, replyVersionId } from "./reply.server";

/** What pages and the API show of a reply. */
export interface ReplyView {
  body: string;
  updatedAt: string;
}

/** Who writes: a signed-in account (an organization's, or a moderator's for hiding). */
export interface ReplyActor {
  id: string;
  email: string;
  role: string;
  organization?: string;
}

export class ReplyNotFound extends Error {}
/** The account does not speak for the evaluation's organization. */
export class NotYourOrganization extends Error {}
/** Someone else hid or restored the reply first. */
export class ReplyConflict extends Error {}

const MAX_ATTEMPTS = 5;
const FIELDS = { organization: 1, body: 1, version: 1, author: 1, publishedAt: 1, updatedAt: 1, hidden: 1 } as const;

const isDuplicateKey = (error: unknown) => error instanceof Error && "code" in error && error.code === 11000;

function readReply(evaluationId: string) {
  return Reply.findOne({ _id: evaluationId }, FIELDS).lean();
}

/** The published evaluation's organization code, or null for an evaluation outside the public catalog. */
async function organizationOf(evaluationId: string): Promise<string | null> {
  const snapshot = await catalogSnapshot();
  return snapshot.rowsById.get(evaluationId)?.orgCode ?? null;
}

/** An organization's account writing about one evaluation. */
type ReplyTarget = { evaluationId: string; account: ReplyActor };

/** A moderator hiding or restoring one evaluation's reply. */
type ReplyModeration = { evaluationId: string; moderator: ReplyActor; now?: Date };

/** Throws ReplyNotFound or NotYourOrganization unless `account` may reply to this evaluation; returns the organization code. */
export async function replyTarget({ evaluationId, account }: ReplyTarget): Promise<string> {
  const organization = await organizationOf(evaluationId);
  if (!organization) throw new ReplyNotFound();
  if (account.role !== "organization" || account.organization !== organization) throw new NotYourOrganization();
  return organization;
}

/**
 * Publishes or edits the official reply of `account`'s organization to one evaluation. The earlier text is
 * kept (ReplyVersion, written before the reply moves on, so a crash in between loses nothing) and the change
 * is audited with both texts. Each move is conditional on the version read (instances racing on MongoDB retry).
 * A hidden reply stays hidden: editing does not undo a moderator's decision.
 */
export async function saveReply({
  evaluationId,
  body,
  account,
  now = new Date(),
}: ReplyTarget & { body: string; now?: Date }): Promise<ReplyView> {
  const organization = await replyTarget({ evaluationId, account });
  const saved = await serialised(Reply, evaluationId, async () => {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const current = await readReply(evaluationId);
      if (!current) {
        try {
          await Reply.create({
            _id: evaluationId,
            organization,
            body,
            version: 1,
            author: account.id,
            publishedAt: now,
            updatedAt: now,
            hidden: null,
          });
          return { before: null, version: 1, updatedAt: now };
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      if (current.body === body) return { before: undefined, version: current.version, updatedAt: current.updatedAt };
      await ReplyVersion.create({
        _id: replyVersionId(evaluationId, current.version),
        evaluation: evaluationId,
        version: current.version,
        body: current.body,
        author: current.author,
        at: current.updatedAt,
      }).catch((error: unknown) => {
        if (!isDuplicateKey(error)) throw error;
      });
      const moved = await Reply.updateOne(
        { _id: evaluationId, version: current.version },
        { $set: { body, version: current.version + 1, author: account.id, updatedAt: now } },
      );
      if (moved.matchedCount === 1)
        return { before: { body: current.body, version: current.version }, version: current.version + 1, updatedAt: now };
    }
    throw new Error(`reply ${evaluationId} kept changing; try again`);
  });
  if (saved.before !== undefined) {
    await recordAudit({
      actor: account,
      action: saved.before ? "reply.edit" : "reply.publish",
      targetType: "reply",
      targetId: evaluationId,
      before: saved.before,
      after: { body, version: saved.version, organization },
    });
    publicDataChanged();
  }
  return { body, updatedAt: saved.updatedAt.toISOString() };
}

/** Hides (reason required) or restores a reply; audited, and the public pages change at once. */
async function setHidden({
  evaluationId,
  moderator,
  hide,
  now = new Date(),
}: ReplyModeration & { hide: HideReplyInput | null }): Promise<void> {
  const current = await serialised(Reply, evaluationId, async () => {
    const reply = await readReply(evaluationId);
    if (!reply) throw new ReplyNotFound();
    if (Boolean(reply.hidden) === Boolean(hide)) throw new ReplyConflict();
    const hidden = hide ? { reason: hide.reason, ...(hide.note ? { note: hide.note } : {}), by: moderator.id, at: now } : null;
    // Conditional on the state read: a hide needs it shown, a restore the very hide it read.
    const state = reply.hidden ? { "hidden.at": reply.hidden.at } : { hidden: null };
    const moved = await Reply.updateOne({ _id: evaluationId, ...state }, { $set: { hidden } });
    if (moved.matchedCount !== 1) throw new ReplyConflict();
    return reply;
  });
  await recordAudit({
    actor: moderator,
    action: hide ? "reply.hide" : "reply.restore",
    targetType: "reply",
    targetId: evaluationId,
    reason: hide?.reason,
    note: hide?.note,
    before: { body: current.body, version: current.version, hidden: Boolean(current.hidden) },
    after: { hidden: Boolean(hide), organization: current.organization },
  });
  publicDataChanged();
}

export function hideReply({ reason, note, ...moderation }: ReplyModeration & HideReplyInput): Promise<void> {
  return setHidden({ ...moderation, hide: { reason, note } });
}

export function restoreReply(moderation: ReplyModeration): Promise<void> {
  return setHidden({ ...moderation, hide: null });
}

/** One evaluation's reply as its organization's account sees it: the text (even while hidden) and why it is hidden. */
export interface OwnReply extends ReplyView {
  hiddenReason: string | null;
}

/** The replies to the given evaluations, read by _id (a few per organization page); evaluations without one are absent. */
export async function repliesFor({ evaluationIds }: { evaluationIds: string[] }): Promise<Map<string, OwnReply>> {
  const docs = await Promise.all(evaluationIds.map((id) => readReply(id)));
  const out = new Map<string, OwnReply>();
  for (const doc of docs) {
    if (doc) out.set(String(doc._id), { body: doc.body, updatedAt: doc.updatedAt.toISOString(), hiddenReason: doc.hidden?.reason ?? null });
  }
  return out;
}

export interface PublicReplies {
  replies: Record<string, ReplyView | null>;
  hidden: Record<string, Record<string, number>>;
}

/** What the public sees per evaluation: the reply (null when none or hidden) and hidden replies per reason, for the transparency line. */
export async function publicReplies({ evaluationIds }: { evaluationIds: string[] }): Promise<PublicReplies> {
  return publicReplyViews({ found: await repliesFor({ evaluationIds }), evaluationIds });
}

/** The public view of replies already read (the organization page reads them once for the public and the account's form). */
export function publicReplyViews({ found, evaluationIds }: { found: Map<string, OwnReply>; evaluationIds: string[] }): PublicReplies {
  const replies: Record<string, ReplyView | null> = {};
  const hidden: Record<string, Record<string, number>> = {};
  for (const id of evaluationIds) {
    const reply = found.get(id);
    replies[id] = reply && !reply.hiddenReason ? { body: reply.body, updatedAt: reply.updatedAt } : null;
    if (reply?.hiddenReason) hidden[id] = { [reply.hiddenReason]: 1 };
  }
  return { replies, hidden };
}

/** Every earlier text of a reply, oldest first (read by _id: `<evaluation>:1` … `<evaluation>:<version - 1>`). */
export async function replyVersions({ evaluationId }: { evaluationId: string }): Promise<{ version: number; body: string; at: string }[]> {
  const current = await Reply.findOne({ _id: evaluationId }, { version: 1 }).lean();
  const numbers = Array.from({ length: Math.max(0, (current?.version ?? 1) - 1) }, (_, index) => index + 1);
  const docs = await Promise.all(
    numbers.map((version) => ReplyVersion.findOne({ _id: replyVersionId(evaluationId, version) }, { version: 1, body: 1, at: 1 }).lean()),
  );
  return docs.flatMap((doc) => (doc ? [{ version: doc.version, body: doc.body, at: doc.at.toISOString() }] : []));
}
