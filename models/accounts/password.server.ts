import { hash, verify } from "@node-rs/argon2";

/** OWASP's argon2id minimum (19 MiB, 2 passes); the library's default algorithm is argon2id. */
const ARGON2 = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export const MIN_PASSWORD_LENGTH = 10;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2);
}

/** False for a wrong password and for an empty or malformed hash (a user who never set one). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (!passwordHash) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** Spends the same time as a real check, so an unknown email answers no faster than a wrong password; always false. */
export async function verifyDecoy(password: string): Promise<false> {
  decoy ??= hashPassword("decoy password never used by anyone");
  await verifyPassword(await decoy, password);
  return false;
}
