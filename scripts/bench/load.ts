/** One autocannon measurement of one target, reduced to what the table prints. */
import autocannon, { type RawRequest, type Result } from "autocannon";
import { BASE_HEADERS } from "./http";

export interface Stats {
  rps: number;
  p50: number;
  p99: number;
  /** Completed responses. */
  total: number;
  non2xx: number;
  errors: number;
}

/** What to request: a fixed path, or a fresh one per request (a random organization, a random code). */
export interface Target {
  name: string;
  path: string | (() => string);
  headers?: Record<string, string>;
}

/** Seconds a request may take before autocannon counts it as an error. */
const REQUEST_TIMEOUT_S = 10;

export function toStats(result: Result): Stats {
  const total = result.requests.total;
  return {
    rps: total / Math.max(result.duration, 0.001),
    p50: result.latency.p50,
    p99: result.latency.p99,
    total,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** Requests `target` over `connections` for `duration` seconds. */
export async function measure(
  base: string,
  target: Target,
  { connections, duration }: { connections: number; duration: number },
): Promise<Stats> {
  const headers = { ...BASE_HEADERS, ...target.headers };
  const { path } = target;
  const setupRequest = typeof path === "function" ? (request: RawRequest): RawRequest => ({ ...request, path: path() }) : undefined;
  const result = await autocannon({
    url: `${base}${typeof path === "string" ? path : "/"}`,
    connections,
    duration,
    timeout: REQUEST_TIMEOUT_S,
    headers,
    ...(setupRequest ? { requests: [{ setupRequest }] } : {}),
  });
  return toStats(result);
}
