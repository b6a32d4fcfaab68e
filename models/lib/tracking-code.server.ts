import { randomInt } from "node:crypto";

/** 29 symbols without look-alikes (no 0/O, 1/I/L, U/V): easy to read aloud and to type back. */
export const TRACKING_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ";
const LENGTH = 10;

/**
 * A fresh code such as "K7M4-PQ2X-9T": 10 random symbols (about 49 bits) from the crypto RNG,
 * grouped 4-4-2 for reading. Unguessable, but not unique by construction: the unique index
 * decides, and the caller retries on the rare collision.
 */
export function generateTrackingCode(): string {
  let raw = "";
  for (let i = 0; i < LENGTH; i++) raw += TRACKING_ALPHABET[randomInt(TRACKING_ALPHABET.length)];
  return formatTrackingCode(raw);
}

function formatTrackingCode(raw: string): string {
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`;
}

/** The canonical form of what a resident typed back (any case, with or without dashes); null when it cannot be a code. */
export function normalizeTrackingCode(input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, "");
  if (raw.length !== LENGTH) return null;
  for (const ch of raw) if (!TRACKING_ALPHABET.includes(ch)) return null;
  return formatTrackingCode(raw);
}
