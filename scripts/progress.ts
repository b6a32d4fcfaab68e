/**
 * The one progress display of every long script (seed, import, summaries:rebuild, bench:data), on stderr so
 * stdout keeps the results: on a terminal a bar redrawn in place; anywhere else (CI logs, pipes, journald)
 * plain lines, one every few seconds plus the last, never a carriage return.
 */

export interface ProgressOptions {
  out?: { write(text: string): unknown };
  /** Redraw in place; defaults to whether stderr is a terminal. */
  tty?: boolean;
  now?: () => number;
  /** Plain output: at most one line per this many milliseconds, besides the first and the last. */
  everyMs?: number;
}

const BAR_WIDTH = 24;
const CLEAR_LINE = "\u001b[K";

function settings({ out = process.stderr, tty = Boolean(process.stderr.isTTY), now = Date.now, everyMs = 5000 }: ProgressOptions) {
  return { out, tty, now, everyMs };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** A bar for `done` of `total`; call it as often as you like, it draws only what changed. */
export function progressBar(label: string, options: ProgressOptions = {}): (done: number, total: number) => void {
  const { out, tty, now, everyMs } = settings(options);
  const started = now();
  let lastPercent = -1;
  let lastLineAt = -Infinity;
  let ended = false;
  return (done, total) => {
    if (ended) return;
    const share = total <= 0 ? 1 : Math.min(1, done / total);
    const percent = Math.floor(share * 100);
    ended = done >= total;
    const at = now();
    const elapsed = seconds(at - started);
    if (tty) {
      if (percent === lastPercent && !ended) return;
      lastPercent = percent;
      const filled = Math.round(share * BAR_WIDTH);
      out.write(
        `\r${label} [${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${String(percent).padStart(3)}% ${done}/${total} ${elapsed}${CLEAR_LINE}${ended ? "\n" : ""}`,
      );
      return;
    }
    if (!ended && at - lastLineAt < everyMs) return;
    lastLineAt = at;
    out.write(`${label}: ${percent}% (${done}/${total}) after ${elapsed}\n`);
  };
}

/** Progress that comes in stages (the seed: organizations, evaluations, feedback): one bar per stage. */
export function stagedProgress(options: ProgressOptions = {}): (progress: { stage: string; done: number; total: number }) => void {
  let stage = "";
  let bar: ReturnType<typeof progressBar> = () => undefined;
  return (progress) => {
    if (progress.stage !== stage) {
      stage = progress.stage;
      bar = progressBar(stage, options);
    }
    bar(progress.done, progress.total);
  };
}

/**
 * Numbered steps whose inside reports nothing (an aggregation pipeline): each says when it starts, that it is
 * still running (redrawn each second on a terminal, a line every `everyMs` otherwise) and how long it took.
 */
export function progressSteps(total: number, options: ProgressOptions = {}) {
  const { out, tty, now, everyMs } = settings(options);
  const started = now();
  let number = 0;
  return async function step<T>(label: string, task: () => Promise<T>): Promise<T> {
    number += 1;
    const prefix = `[${number}/${total}] ${label}`;
    const stepStarted = now();
    out.write(tty ? `\r${prefix}…${CLEAR_LINE}` : `${prefix}…\n`);
    const heartbeat = setInterval(
      () => {
        const running = seconds(now() - stepStarted);
        out.write(tty ? `\r${prefix}… ${running}${CLEAR_LINE}` : `${prefix}: still running after ${running}\n`);
      },
      tty ? 1000 : everyMs,
    );
    heartbeat.unref();
    try {
      const result = await task();
      out.write(
        `${tty ? "\r" : ""}${prefix}: done in ${seconds(now() - stepStarted)} (${seconds(now() - started)} in all)${tty ? CLEAR_LINE : ""}\n`,
      );
      return result;
    } finally {
      clearInterval(heartbeat);
    }
  };
}
