/**
 * The intake: residents posting comments to POST /api/v1/feedback (a few before measuring, for tracking
 * codes and a queue to decide; then the flood), and every acknowledged tracking code looked up afterwards.
 */
import autocannon from "autocannon";
import { z } from "zod";
import { clientAddress, commentHeaders, commentJson, type CommentSource } from "./comments";
import { timedRequest } from "./http";
import { toStats, type Stats } from "./load";

const AcceptedSchema = z.object({ trackingCode: z.string() });

export interface Poster {
  base: string;
  source: CommentSource;
  /** First client address of this run (see clientAddress); every comment takes the next one. */
  addressBase: number;
  /** Comments posted so far in this run. */
  posted: number;
}

function trackingCode(text: string): string | null {
  try {
    return AcceptedSchema.parse(JSON.parse(text)).trackingCode;
  } catch {
    return null;
  }
}

/** Posts `count` comments one at a time; returns the codes of those accepted and the statuses of the others. */
export async function postComments(poster: Poster, count: number): Promise<{ codes: string[]; statuses: Record<string, number> }> {
  const codes: string[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < count; i++) {
    const n = ++poster.posted;
    const { base } = poster;
    const reply = await timedRequest(`${base}/api/v1/feedback`, {
      method: "POST",
      headers: commentHeaders(base, clientAddress(poster.addressBase, n)),
      body: commentJson(poster.source, n),
    });
    statuses[reply.status] = (statuses[reply.status] ?? 0) + 1;
    const code = reply.status === 201 ? trackingCode(reply.text) : null;
    if (code) codes.push(code);
  }
  return { codes, statuses };
}

export interface FloodResult {
  stats: Stats;
  statuses: Record<string, number>;
  codes: string[];
  /** 201s per second over the flood. */
  acceptedPerS: number;
}

/** `connections` residents posting distinct comments as fast as they are answered, for `duration` seconds. */
export async function flood(poster: Poster, { connections, duration }: { connections: number; duration: number }): Promise<FloodResult> {
  const codes: string[] = [];
  const { base } = poster;
  const result = await autocannon({
    url: `${base}/api/v1/feedback`,
    connections,
    duration,
    timeout: 10,
    method: "POST",
    requests: [
      {
        method: "POST",
        setupRequest: (request) => {
          const n = ++poster.posted;
          return {
            ...request,
            method: "POST",
            path: "/api/v1/feedback",
            headers: commentHeaders(base, clientAddress(poster.addressBase, n)),
            body: commentJson(poster.source, n),
          };
        },
        onResponse: (status, body) => {
          const code = status === 201 ? trackingCode(body) : null;
          if (code) codes.push(code);
        },
      },
    ],
  });
  const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([status, { count }]) => [status, Number(count)]));
  if (result.errors > 0) statuses.error = result.errors;
  return { stats: toStats(result), statuses, codes, acceptedPerS: (statuses["201"] ?? 0) / Math.max(result.duration, 0.001) };
}

/** Looks every code up at GET /api/v1/feedback/:code, `concurrency` at a time, until done or `deadlineMs` passes. */
export async function lookUpAll(
  base: string,
  codes: string[],
  { concurrency, deadlineMs }: { concurrency: number; deadlineMs: number },
): Promise<{ found: number; checked: number }> {
  const deadline = Date.now() + deadlineMs;
  let next = 0;
  let found = 0;
  const worker = async () => {
    while (next < codes.length && Date.now() < deadline) {
      const code = codes[next++]!;
      const { status } = await timedRequest(`${base}/api/v1/feedback/${encodeURIComponent(code)}`, {
        headers: { "accept-language": "vi" },
      });
      if (status === 200) found++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { found, checked: Math.min(next, codes.length) };
}
