import type { NextFunction, Request, Response } from "express";
import { refuse } from "./refuse";

const KB = 1024;
const MB = 1024 * KB;

/**
 * The largest body each kind of request may send, checked before anything parses it. The feedback
 * forms allow 2,000 characters that url-encoding can grow ninefold, plus an hCaptcha token.
 */
const LIMITS: { pattern: RegExp; bytes: number }[] = [
  { pattern: /^\/(login|logout|invite\/[^/]+)$/i, bytes: 16 * KB },
  { pattern: /^\/(api\/v1\/feedback(\/.*)?|organizations\/[^/]+|feedback\/[^/]+)$/i, bytes: 32 * KB },
  // A 5 MB CSV file plus the form around it (admin.import.tsx caps the file part itself at 5 MB).
  { pattern: /^\/admin\/import$/i, bytes: 6 * MB },
];
const DEFAULT_LIMIT = 256 * KB;

/** The body size limit for a request path (a trailing slash or `.data` suffix does not change it). */
export function bodyLimitFor(path: string): number {
  const normalised = path.replace(/\/+$/, "").replace(/\.data$/, "");
  return LIMITS.find(({ pattern }) => pattern.test(normalised))?.bytes ?? DEFAULT_LIMIT;
}

/** After refusing, read and drop this much more of the upload so the client gets to read the 413. */
const DRAIN_BYTES = 1 * MB;

function tooLarge(req: Request, res: Response, limit: number): void {
  refuse(req, res, 413, "payload_too_large", {
    vi: `Nội dung gửi lên quá lớn (tối đa ${Math.round(limit / KB)} kB).`,
    en: `The request body is too large (at most ${Math.round(limit / KB)} kB).`,
  });
  // Hanging up at once would reset the connection and lose the answer; draining all of it would read the whole upload.
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/**
 * Reads a request body into memory up to its path's limit and keeps it in `res.locals.body` for the
 * Remix request. A declared Content-Length over the limit is refused before a byte is read; a
 * chunked body is refused as soon as its running total passes the limit.
 */
export function bodyLimit(req: Request, res: Response, next: NextFunction): void {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  const limit = bodyLimitFor(req.path);
  if (Number(req.get("content-length") ?? 0) > limit) return tooLarge(req, res, limit);
  const chunks: Buffer[] = [];
  let size = 0;
  const stop = () => {
    req.off("data", onData);
    req.off("end", onEnd);
    req.off("error", onError);
  };
  const onData = (chunk: Buffer) => {
    size += chunk.length;
    if (size <= limit) return void chunks.push(chunk);
    stop();
    tooLarge(req, res, limit);
  };
  const onEnd = () => {
    stop();
    res.locals.body = Buffer.concat(chunks, size);
    next();
  };
  // The client went away mid-upload: there is nobody to answer.
  const onError = () => stop();
  req.on("data", onData);
  req.on("end", onEnd);
  req.on("error", onError);
}
