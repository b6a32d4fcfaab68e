import { env } from "./env.server";

type Fields = Record<string, string | number | boolean | undefined>;

/** One JSON line per event. Callers pass no personal data: no IPs, contacts or bodies. */
export function logInfo(message: string, fields: Fields = {}): void {
  if (env().LOG_LEVEL !== "info") return;
  process.stdout.write(`${JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...fields })}\n`);
}

export function logError(error: unknown, fields: Fields = {}): void {
  if (env().LOG_LEVEL === "silent") return;
  const err = error instanceof Error ? error : new Error(String(error));
  process.stderr.write(`${JSON.stringify({ level: "error", time: new Date().toISOString(), message: err.message, stack: err.stack, ...fields })}\n`);
}
