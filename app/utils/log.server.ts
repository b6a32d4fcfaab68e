import { env } from "./env.server";

type Fields = Record<string, string | number | boolean | undefined>;

/** Path segments that are secrets: an invite token sets a password, a tracking code withdraws a comment. */
const SECRET_SEGMENTS: { pattern: RegExp; name: string }[] = [
  { pattern: /^(\/invite\/)[^/]+/i, name: ":token" },
  { pattern: /^(\/(?:api\/v1\/)?feedback\/)[^/]+/i, name: ":trackingCode" },
];

/**
 * A request path fit for the log: secret segments become their route parameter's name. Matched on the
 * decoded path with slashes collapsed, as the router matches it, so no encoding slips a secret through.
 */
export function redactPath(path: string): string {
  const decoded = path.split("/").map(decodeSegment).join("/");
  const normalised = decoded.replace(/[/\\]+/g, "/");
  for (const { pattern, name } of SECRET_SEGMENTS) if (pattern.test(normalised)) return normalised.replace(pattern, `$1${name}`);
  return normalised;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment; // a malformed escape: keep the segment as sent
  }
}

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
