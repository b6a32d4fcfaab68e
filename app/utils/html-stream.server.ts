import { Transform } from "node:stream";

/**
 * React 18's stream writer flushes its whole 2,048-byte buffer when a multi-byte character (most Vietnamese
 * letters) does not fit at its end, so the unwritten tail goes out as NUL bytes (facebook/react#26228, fixed
 * only in React 19). A NUL has no place in an HTML page (browsers drop it, or show U+FFFD inside an
 * attribute or the loader data), so a chunk's trailing zero bytes are dropped here, whatever wrote them.
 */
export function withoutTrailingNul(): Transform {
  return new Transform({
    transform(chunk: Buffer, _encoding, done) {
      let end = chunk.length;
      while (end > 0 && chunk[end - 1] === 0) end--;
      done(null, end === chunk.length ? chunk : chunk.subarray(0, end));
    },
  });
}
