import { z } from "zod";

/** What a list sorts on, and so what type its cursor's key must have. */
export type CursorKey = "string" | "number" | "date";

const KEY_SCHEMAS = {
  string: z.string().max(500),
  number: z.number().finite(),
  date: z.string().datetime(),
} as const;

/** Opaque keyset cursor: the sort key and _id of the last item on a page. */
const CursorSchema = z.object({ k: z.union([z.string(), z.number()]), id: z.string().regex(/^[0-9a-f]{24}$/) });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/**
 * Undefined for a missing cursor; throws InvalidCursor for a tampered one, including a well-formed one
 * whose key has the wrong type for the list (`key`), which would otherwise reach the query as NaN or an invalid date.
 */
export function decodeCursor(raw: string | undefined | null, key?: CursorKey): Cursor | undefined {
  if (!raw) return undefined;
  const schema = key ? CursorSchema.extend({ k: KEY_SCHEMAS[key] }) : CursorSchema;
  try {
    return schema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursor();
  }
}

export class InvalidCursor extends Error {
  constructor() {
    super("invalid cursor");
  }
}
