/** Residents' follow-up timed one request at a time: withdrawals by tracking code, and the report page of a published comment. */
import { z } from "zod";
import { getJson, timedRequest } from "./http";
import { timedWritesRow, type Row } from "./table";

const QueueSchema = z.object({ items: z.array(z.object({ id: z.string() })) });

/** Withdraws the pending comments `codes` names (DELETE /api/v1/feedback/:code), one at a time, stopping at `deadlineMs`. */
export async function withdrawalRow(
  base: string,
  codes: string[],
  { deadlineMs, goalMs }: { deadlineMs: number; goalMs: number },
): Promise<Row> {
  const started = Date.now();
  const times: number[] = [];
  const refused: Record<string, number> = {};
  for (const code of codes) {
    if (Date.now() - started > deadlineMs) break;
    const reply = await timedRequest(`${base}/api/v1/feedback/${encodeURIComponent(code)}`, {
      method: "DELETE",
      headers: { origin: base, "accept-language": "vi" },
    });
    if (reply.status === 200) times.push(reply.ms);
    else refused[reply.status] = (refused[reply.status] ?? 0) + 1;
  }
  // A 409 means a moderator decided it first (the decisions above approve the oldest pending comments).
  return timedWritesRow({
    name: "DELETE /api/v1/feedback/:code (withdraw)",
    times,
    refused,
    goalMs,
    note: `${times.length} withdrawn one at a time`,
  });
}

/** Publishes the oldest pending comment as a moderator would, for the report page to show; null when the queue is empty. */
export async function publishOne(base: string, cookie: string): Promise<string | null> {
  const queue = await getJson(`${base}/api/v1/moderation/queue?status=pending&limit=1`, QueueSchema, { cookie });
  const id = queue.items[0]?.id;
  if (!id) return null;
  const reply = await timedRequest(`${base}/api/v1/moderation/feedback/${encodeURIComponent(id)}`, {
    method: "POST",
    headers: { cookie, origin: base, "content-type": "application/json", "accept-language": "vi" },
    body: JSON.stringify({ decision: "approve" }),
  });
  return reply.status === 200 ? id : null;
}
