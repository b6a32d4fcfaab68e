/** Moderation decisions timed one at a time: approve pending items from the queue API as a moderator would. */
import { z } from "zod";
import { getJson, timedRequest, timeEach, type TimedWrites } from "./http";

const QueueSchema = z.object({ items: z.array(z.object({ id: z.string() })) });

/** The oldest `count` (at most 100) pending items of the moderation queue, by id. */
export async function pendingIds(base: string, cookie: string, count: number): Promise<string[]> {
  const queue = await getJson(`${base}/api/v1/moderation/queue?status=pending&limit=${Math.min(count, 100)}`, QueueSchema, { cookie });
  return queue.items.slice(0, count).map((item) => item.id);
}

/** Approves pending item `id` as the moderator whose session `cookie` is. */
export function approve(base: string, cookie: string, id: string) {
  return timedRequest(`${base}/api/v1/moderation/feedback/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json", "accept-language": "vi" },
    body: JSON.stringify({ decision: "approve" }),
  });
}

/** Approves up to `count` pending items, one request at a time, stopping at `deadlineMs`. */
export async function timeDecisions(
  base: string,
  cookie: string,
  { count, deadlineMs }: { count: number; deadlineMs: number },
): Promise<TimedWrites> {
  const started = Date.now();
  const ids = await pendingIds(base, cookie, count);
  return timeEach(ids, (id) => approve(base, cookie, id), { deadlineMs, started });
}
