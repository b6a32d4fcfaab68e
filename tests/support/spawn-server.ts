import { spawn, type ChildProcess } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

const ROOT = path.resolve(import.meta.dirname, "../..");

export interface LogLine {
  level: string;
  message: string;
  port?: number;
  error?: string;
}

export interface SpawnedServer {
  child: ChildProcess;
  /** Resolves with the first log line (already written or still to come) that `match` accepts. */
  logLine(match: (line: LogLine) => boolean): Promise<LogLine>;
  exited: Promise<number | null>;
}

/** The real server process (server/start.ts around the source build) on a free port, its JSON log lines read as they come. */
export function spawnServer(env: Record<string, string>): SpawnedServer {
  const child = spawn(path.join(ROOT, "node_modules/.bin/tsx"), [path.join(ROOT, "tests/support/serve-source.ts")], {
    cwd: ROOT,
    env: { ...process.env, PORT: "0", NODE_ENV: "test", CAPTCHA: "off", SEED_ON_START: "false", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: LogLine[] = [];
  const waiters: { match: (line: LogLine) => boolean; resolve: (line: LogLine) => void }[] = [];
  // Info lines go to stdout, warnings and errors to stderr.
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (text) => {
      if (!text.startsWith("{")) return;
      const line = JSON.parse(text) as LogLine;
      lines.push(line);
      for (const waiter of waiters.filter(({ match }) => match(line))) waiter.resolve(line);
    });
  }
  return {
    child,
    exited: new Promise((resolve) => child.once("exit", (code) => resolve(code))),
    logLine(match) {
      const seen = lines.find(match);
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve) => waiters.push({ match, resolve }));
    },
  };
}
