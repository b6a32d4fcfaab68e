import { Schema, Types, isValidObjectId } from "mongoose";
import { env } from "../../app/utils/env.server";
import { isFerretDB, serialised } from "../db/connection.server";
import { defineModel } from "../db/define-model.server";
import { openContact, sealContact } from "./contact-cipher.server";
import { Feedback } from "./feedback.server";
import { onFinalState } from "./final-state.server";

const DAY_MS = 86_400_000;

/**
 * A resident's e-mail address, kept apart from the comment and only while it can serve them: sealed
 * (AES-256-GCM, CONTACT_KEY), under the comment's own `_id`, deleted when the decision mail is sent, when
 * the comment is withdrawn, or at `expiresAt` by the periodic sweep. Small: pending comments with an address.
 */
const ContactSchema = new Schema(
  {
    _id: { type: Schema.Types.ObjectId, required: true },
    sealed: { type: String, required: true },
    locale: { type: String, enum: ["vi", "en"], required: true },
    expiresAt: { type: Date, required: true },
  },
  { versionKey: false },
);
ContactSchema.index({ expiresAt: 1 });
export const Contact = defineModel("Contact", ContactSchema, "contacts");

/** Whether a resident's e-mail address can serve them here: only when mail is configured. */
export function contactsKept(): boolean {
  return Boolean(env().SMTP_URL);
}

/** Keeps an address for one comment until its decision, at most CONTACT_RETENTION_DAYS. One insert by `_id`. */
export async function storeContact({
  feedbackId,
  email,
  locale,
  now = new Date(),
}: {
  feedbackId: string;
  email: string;
  locale: "vi" | "en";
  now?: Date;
}): Promise<void> {
  const expiresAt = new Date(now.getTime() + env().CONTACT_RETENTION_DAYS * DAY_MS);
  await Contact.create({ _id: new Types.ObjectId(feedbackId), sealed: sealContact({ feedbackId, email }), locale, expiresAt });
}

export interface ClaimedContact {
  email: string;
  locale: "vi" | "en";
}

interface ContactRow {
  sealed: string;
  locale: "vi" | "en";
}

/**
 * Takes the address out of the database for the one message it was kept for: of any number of callers
 * exactly one gets it. MongoDB's findOneAndDelete is atomic; FerretDB's reads then deletes, so there the one
 * app process claims under a per-item lock. Null when there is none (or it no longer opens).
 */
export async function claimContact({ feedbackId }: { feedbackId: string }): Promise<ClaimedContact | null> {
  if (!isValidObjectId(feedbackId)) return null;
  const take = () => Contact.findOneAndDelete({ _id: feedbackId }).lean<ContactRow>().exec();
  const row = isFerretDB() ? await serialised(Contact, feedbackId, take) : await take();
  if (!row) return null;
  const email = openContact({ feedbackId, sealed: row.sealed });
  return email ? { email, locale: row.locale } : null;
}

/** Deletes a comment's address unused (the resident withdrew the comment, say). One delete by `_id`; none is fine. */
export async function forgetContact({ feedbackId }: { feedbackId: string }): Promise<void> {
  if (!isValidObjectId(feedbackId)) return;
  await serialised(Contact, feedbackId, () => Contact.deleteOne({ _id: feedbackId }));
}

// A comment withdrawn or removed through residents' follow-up will get no decision mail: its address goes at once.
onFinalState(({ feedbackId }) => forgetContact({ feedbackId }));

/** The periodic sweep: addresses whose comment waited longer than the retention period. Reads only `contacts`. */
export async function purgeExpiredContacts(now = new Date()): Promise<number> {
  const result = await Contact.deleteMany({ expiresAt: { $lte: now } });
  return result.deletedCount;
}

/**
 * One-off migration (`summaries:rebuild --read-models`): before contacts had their own collection they sat in
 * clear on each feedback item, forever. Removes them; the schema no longer has the field, hence the raw driver.
 */
export async function removeClearContacts(): Promise<number> {
  const result = await Feedback.collection.updateMany({ contact: { $exists: true } }, { $unset: { contact: "" } });
  return result.modifiedCount;
}
