/** The right of reply timed one edit at a time: an organization account edits its official reply as the API takes it. */
import { z } from "zod";
import { getJson, timedRequest, timeEach } from "./http";
import { timedWritesRow, type Row } from "./table";

const DetailSchema = z.object({ evaluations: z.array(z.object({ id: z.string() })) });

/**
 * PUTs `count` successive texts of the reply of organization `code` to its newest evaluation with the account's
 * session `cookie`, stopping at `deadlineMs`; each is a new version (kept and audited), so every request writes.
 */
export async function replyRow(
  base: string,
  { code, cookie, count, deadlineMs, goalMs }: { code: string; cookie: string; count: number; deadlineMs: number; goalMs: number },
): Promise<Row> {
  const detail = await getJson(`${base}/api/v1/organizations/${encodeURIComponent(code)}`, DetailSchema);
  const evaluation = detail.evaluations[0]?.id;
  if (!evaluation) throw new Error(`${code} has no evaluation to reply to`);
  const started = Date.now();
  const versions = Array.from({ length: count }, (_, i) => i + 1);
  const { times, refused } = await timeEach(
    versions,
    (n) =>
      timedRequest(`${base}/api/v1/evaluations/${evaluation}/reply`, {
        method: "PUT",
        headers: { cookie, origin: base, "content-type": "application/json", "accept-language": "vi" },
        body: JSON.stringify({ body: `Chi bộ tiếp thu ý kiến của bà con (bản đo thử ${started}-${n}).` }),
      }),
    { deadlineMs, started },
  );
  return timedWritesRow({
    name: "PUT /api/v1/evaluations/:id/reply",
    times,
    refused,
    goalMs,
    note: `${times.length} versions saved one at a time by ${code}'s account`,
  });
}
