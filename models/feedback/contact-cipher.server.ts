import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import { env, type Env } from "../../app/utils/env.server";

const ALGORITHM = "aes-256-gcm";
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * The keys, newest first: CONTACT_KEY seals and opens, each CONTACT_KEY_PREVIOUS only opens (decision 024).
 * Outside production (where the env schema requires CONTACT_KEY with SMTP_URL) a fixed development key stands in.
 */
export function contactKeys(config: Pick<Env, "CONTACT_KEY" | "CONTACT_KEY_PREVIOUS"> = env()): Buffer[] {
  if (!config.CONTACT_KEY) return [createHash("sha256").update("development-only-contact-key").digest()];
  return [config.CONTACT_KEY, ...(config.CONTACT_KEY_PREVIOUS ?? [])].map((key) => Buffer.from(key, "base64"));
}

/**
 * Encrypts an e-mail address for one feedback item under the current key: AES-256-GCM with a fresh IV, the
 * item's id as associated data (a sealed address copied onto another item does not open). Base64 of iv | tag | text.
 */
export function sealContact({ feedbackId, email, keys = contactKeys() }: { feedbackId: string; email: string; keys?: Buffer[] }): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv(ALGORITHM, keys[0]!, iv, { authTagLength: TAG_BYTES });
  cipher.setAAD(Buffer.from(feedbackId, "utf8"));
  const text = Buffer.concat([cipher.update(email, "utf8"), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), text]).toString("base64");
}

/** The address as one key opens it, or null: GCM's tag refuses another key, another item or tampering. */
function openWith(key: Buffer, feedbackId: string, bytes: Buffer): string | null {
  try {
    const decipher = createDecipheriv(ALGORITHM, key, bytes.subarray(0, IV_BYTES), { authTagLength: TAG_BYTES });
    decipher.setAAD(Buffer.from(feedbackId, "utf8"));
    decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** The address sealed for this item under any listed key, or null when none opens it (a key no longer listed, another item, tampered). */
export function openContact({
  feedbackId,
  sealed,
  keys = contactKeys(),
}: {
  feedbackId: string;
  sealed: string;
  keys?: Buffer[];
}): string | null {
  const bytes = Buffer.from(sealed, "base64");
  if (bytes.length <= IV_BYTES + TAG_BYTES) return null;
  for (const key of keys) {
    const email = openWith(key, feedbackId, bytes);
    if (email !== null) return email;
  }
  return null;
}
