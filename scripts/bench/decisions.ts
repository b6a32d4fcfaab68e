/** Moderation decisions timed one at a time: approve pending items from the queue API as a moderator would. */
import { z } from "zod";
import { getJson, timedRequest } from "./http";

const QueueSchema = z.object({ items: z.array(z.object({ id: z.string() })) });

export interface DecisionTimes {
  times: number[];
  /** Answers other than 200 (409: someone decided first), by status. */
  refused: Record<string, number>;
  elapsedMs: number;
}

/** Approves up to `count` pending items, one request at a time, stopping at `deadlineMs`. */
export async function timeDecisions(
  base: string,
  cookie: string,
  { count, deadlineMs }: { count: number; deadlineMs: number },
): Promise<DecisionTimes> {
  const started = Date.now();
  const queue = await getJson(`${base}/api/v1/moderation/queue?status=pending&limit=${Math.min(count, 100)}`, QueueSchema, { cookie });
  const times: number[] = [];
  const refused: Record<string, number> = {};
  for (const item of queue.items.slice(0, count)) {
    if (Date.now() - started > deadlineMs) break;
    const reply = await timedRequest(`${base}/api/v1/moderation/feedback/${encodeURIComponent(item.id)}`, {
      method: "POST",
      headers: { cookie, origin: base, "content-type": "application/json", "accept-language": "vi" },
      body: JSON.stringify({ decision: "approve" }),
    });
    if (reply.status === 200) times.push(reply.ms);
    else refused[reply.status] = (refused[reply.status] ?? 0) + 1;
  }
  return { times, refused, elapsedMs: Date.now() - started };
}
