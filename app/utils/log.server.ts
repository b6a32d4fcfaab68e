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

type Level = "info" | "warn" | "error";

/** Each LOG_LEVEL lets through its own level and the ones above it. */
const RANK: Record<Level | "silent", number> = { info: 0, warn: 1, error: 2, silent: 3 };

/** One JSON line per event, the same shape at every level. Callers pass no personal data: no IPs, contacts or bodies. */
function write(level: Level, message: string, fields: Fields): void {
  if (RANK[level] < RANK[env().LOG_LEVEL]) return;
  const line = `${JSON.stringify({ level, time: new Date().toISOString(), message, ...fields })}\n`;
  (level === "info" ? process.stdout : process.stderr).write(line);
}

export function logInfo(message: string, fields: Fields = {}): void {
  write("info", message, fields);
}

/** Something went wrong but was handled (a retry, a fallback): worth a look, not a page. */
export function logWarn(message: string, fields: Fields = {}): void {
  write("warn", message, fields);
}

/** A fault: the error's message (unless `fields.message` says what failed) and its stack. */
export function logError(error: unknown, fields: Fields = {}): void {
  const err = error instanceof Error ? error : new Error(String(error));
  write("error", err.message, { error: err.message, stack: err.stack, ...fields });
}
