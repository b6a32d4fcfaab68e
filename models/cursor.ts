import { z } from "zod";

/** Opaque keyset cursor: the sort key and _id of the last item on a page. */
const CursorSchema = z.object({ k: z.union([z.string(), z.number()]), id: z.string().regex(/^[0-9a-f]{24}$/) });
export type Cursor = z.infer<typeof CursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** Undefined for a missing cursor; throws InvalidCursor for a tampered one. */
export function decodeCursor(raw: string | undefined | null): Cursor | undefined {
  if (!raw) return undefined;
  try {
    return CursorSchema.parse(JSON.parse(Buffer.from(raw, "base64url").toString("utf8")));
  } catch {
    throw new InvalidCursor();
  }
}

export class InvalidCursor extends Error {
  constructor() {
    super("invalid cursor");
  }
}
