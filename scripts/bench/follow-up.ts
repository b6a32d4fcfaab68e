/** Residents' follow-up timed one request at a time: withdrawals by tracking code, and the report page of a published comment. */
import { approve, pendingIds } from "./decisions";
import { timedRequest, timeEach } from "./http";
import { timedWritesRow, type Row } from "./table";

/** Withdraws the pending comments `codes` names (DELETE /api/v1/feedback/:code), one at a time, stopping at `deadlineMs`. */
export async function withdrawalRow(
  base: string,
  codes: string[],
  { deadlineMs, goalMs }: { deadlineMs: number; goalMs: number },
): Promise<Row> {
  const { times, refused } = await timeEach(
    codes,
    (code) =>
      timedRequest(`${base}/api/v1/feedback/${encodeURIComponent(code)}`, {
        method: "DELETE",
        headers: { origin: base, "accept-language": "vi" },
      }),
    { deadlineMs },
  );
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
  const [id] = await pendingIds(base, cookie, 1);
  if (!id) return null;
  const reply = await approve(base, cookie, id);
  return reply.status === 200 ? id : null;
}
