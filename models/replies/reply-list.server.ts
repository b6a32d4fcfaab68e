import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { decodeCursor, encodeCursor } from "../db/cursor";
import { afterPosition } from "../db/keyset.server";
import { Reply } from "./reply.server";

/** A reply as the moderators' list shows it, with where it was posted. */
export interface ReplyListItem {
  evaluationId: string;
  organization: string;
  organizationName: string;
  period: string;
  body: string;
  version: number;
  updatedAt: string;
  hidden: { reason: string; note: string | null; at: string } | null;
}

/**
 * Replies newest first, keyset-paged on (updatedAt, _id) with the index of that order. The collection holds at
 * most one document per evaluation, so on the embedded database this scan stays small; throws InvalidCursor.
 */
export async function listReplies({ cursor, limit = 25 }: { cursor?: string; limit?: number } = {}): Promise<{
  items: ReplyListItem[];
  nextCursor: string | null;
}> {
  const after = decodeCursor(cursor, "date");
  const filter = after ? afterPosition({}, { field: "updatedAt", key: new Date(String(after.k)), id: after.id, order: "desc" }) : {};
  const docs = await Reply.find(filter, { organization: 1, body: 1, version: 1, updatedAt: 1, hidden: 1 })
    .sort({ updatedAt: -1, _id: -1 })
    .limit(limit + 1)
    .lean();
  const snapshot = await catalogSnapshot();
  const page = docs.slice(0, limit);
  const last = page.at(-1);
  return {
    items: page.map((doc) => {
      const row = snapshot.rowsById.get(String(doc._id));
      return {
        evaluationId: String(doc._id),
        organization: doc.organization,
        organizationName: snapshot.organizations.get(doc.organization)?.name ?? doc.organization,
        period: row?.period ?? "",
        body: doc.body,
        version: doc.version,
        updatedAt: doc.updatedAt.toISOString(),
        hidden: doc.hidden ? { reason: doc.hidden.reason, note: doc.hidden.note ?? null, at: doc.hidden.at.toISOString() } : null,
      };
    }),
    nextCursor: docs.length > limit && last ? encodeCursor({ k: last.updatedAt.toISOString(), id: String(last._id) }) : null,
  };
}
