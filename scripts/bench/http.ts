/** What every bench phase needs to talk to the server under test: bounded JSON reads and a readiness wait. */
import type { z } from "zod";

const REQUEST_TIMEOUT_MS = 30_000;

export const BASE_HEADERS = { "accept-language": "vi" } as const;

/**
 * fetch with one retry when the connection dropped before any answer: the server closes idle keep-alive
 * sockets after 5 s, and a request sent on one just then fails without reaching the app.
 */
export async function send(url: string, init: RequestInit = {}): Promise<Response> {
  const once = () => fetch(url, { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
  try {
    return await once();
  } catch (error) {
    if (!(error instanceof TypeError)) throw error;
    return once();
  }
}

/** GET `url` and parse its JSON with `schema`; throws with the status when it is not 2xx. */
export async function getJson<T>(url: string, schema: z.ZodType<T>, headers: Record<string, string> = {}): Promise<T> {
  const response = await send(url, { headers: { ...BASE_HEADERS, ...headers } });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return schema.parse(await response.json());
}

/** Status and time of one request; a timeout or a refused connection counts as status 0. */
export async function timedRequest(url: string, init: RequestInit = {}): Promise<{ status: number; ms: number; text: string }> {
  const started = performance.now();
  try {
    const response = await send(url, { ...init, redirect: "manual" });
    const text = await response.text();
    return { status: response.status, ms: performance.now() - started, text };
  } catch {
    return { status: 0, ms: performance.now() - started, text: "" };
  }
}

export interface TimedWrites {
  /** Times of the 200 answers, ms. */
  times: number[];
  /** Other answers by status (409: someone decided first; 0: no answer). */
  refused: Record<string, number>;
  elapsedMs: number;
}

/**
 * One request per item, one at a time and in order, until `deadlineMs` has passed since `started`: how long the
 * accepted ones took and how many of the others each status refused.
 */
export async function timeEach<T>(
  items: Iterable<T>,
  request: (item: T) => Promise<{ status: number; ms: number }>,
  { deadlineMs, started = Date.now() }: { deadlineMs: number; started?: number },
): Promise<TimedWrites> {
  const times: number[] = [];
  const refused: Record<string, number> = {};
  for (const item of items) {
    if (Date.now() - started > deadlineMs) break;
    const reply = await request(item);
    if (reply.status === 200) times.push(reply.ms);
    else refused[reply.status] = (refused[reply.status] ?? 0) + 1;
  }
  return { times, refused, elapsedMs: Date.now() - started };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Waits until /healthz answers 200 within `fastMs` (a server still working off a queue from the last load
 * answers late), for at most `maxMs`. Returns the wait in ms, or null when the server never got there.
 */
export async function settle(base: string, { maxMs, fastMs = 1000 }: { maxMs: number; fastMs?: number }): Promise<number | null> {
  const started = Date.now();
  while (Date.now() - started < maxMs) {
    const { status, ms } = await timedRequest(`${base}/healthz`);
    if (status === 200 && ms <= fastMs) return Date.now() - started;
    await sleep(500);
  }
  return null;
}

/** A uniformly random item; the lists it gets are never empty (checked where they are gathered). */
export function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)]!;
}
