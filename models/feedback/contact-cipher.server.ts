import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env } from "../../app/utils/env.server";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** CONTACT_KEY; outside production (where the env schema requires it with SMTP_URL) a fixed development key stands in. */
function contactKey(): Buffer {
  const configured = env().CONTACT_KEY;
  return configured ? Buffer.from(configured, "base64") : createHash("sha256").update("development-only-contact-key").digest();
}

/**
 * Encrypts an e-mail address for one feedback item: AES-256-GCM with a fresh IV, the item's id as
 * associated data (a sealed address copied onto another item does not open). Base64 of iv | tag | text.
 */
export function sealContact({ feedbackId, email }: { feedbackId: string; email: string }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, contactKey(), iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(feedbackId, "utf8"));
  const text = Buffer.concat([cipher.update(email, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), text]).toString("base64");
}

/** The address sealed for this item, or null when it does not open (another key, another item, tampered). */
export function openContact({ feedbackId, sealed }: { feedbackId: string; sealed: string }): string | null {
  const bytes = Buffer.from(sealed, "base64");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  try {
    const decipher = createDecipheriv(ALGORITHM, contactKey(), bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(feedbackId, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
