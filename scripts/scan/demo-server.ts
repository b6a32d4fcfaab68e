/** The demo server `npm run scan` attacks: the compiled build, CAPTCHA off, a throw-away DATA_DIR, seeded. */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import mongoose from "mongoose";

const ROOT = path.resolve(import.meta.dirname, "../..");
const START_LIMIT_MS = 5 * 60_000;

interface DemoServer {
  base: string;
  dataDir: string;
  /** Error lines the server logged (a 500 the scanner caused shows up here). */
  errors: string[];
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

async function waitUntilReady(base: string, child: ChildProcess): Promise<void> {
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the demo server exited with ${child.exitCode}`);
    if (Date.now() - started > START_LIMIT_MS) throw new Error("the demo server was not ready after 5 minutes");
    const ready = await fetch(`${base}/readyz`).then(
      (res) => res.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

export async function startDemoServer(): Promise<DemoServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), "cong-khai-scan-"));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const env = {
    ...process.env,
    NODE_ENV: "development" as const,
    PORT: String(port),
    DATA_DIR: dataDir,
    CAPTCHA: "off",
    SEED_ON_START: "true",
    LOG_LEVEL: "warn",
  };
  const child = spawn(process.execPath, [path.join(ROOT, "build/server/index.js")], {
    cwd: ROOT,
    env,
    stdio: ["ignore", "ignore", "pipe"],
  });
  const errors: string[] = [];
  createInterface({ input: child.stderr! }).on("line", (line) => {
    if (/"level":"error"/.test(line)) errors.push(line);
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await waitUntilReady(base, child);
  return {
    base,
    dataDir,
    errors,
    async stop() {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A moderator account made with `npm run user` (password on stdin), and its session cookie from the login form. */
export async function moderatorSession({ base, dataDir }: DemoServer): Promise<string> {
  const email = "scan-moderator@example.org";
  const password = `scan-${Math.random().toString(36).slice(2)}-password`;
  const child = spawn(
    path.join(ROOT, "node_modules/.bin/tsx"),
    [path.join(ROOT, "scripts/user.ts"), "create", "--email", email, "--role", "moderator"],
    {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "warn" },
      stdio: ["pipe", "ignore", "inherit"],
    },
  );
  child.stdin!.end(`${password}\n`);
  const code = await new Promise((resolve) => child.once("exit", resolve));
  if (code !== 0) throw new Error(`npm run user exited with ${String(code)}`);
  const res = await fetch(`${base}/login`, { method: "POST", redirect: "manual", body: new URLSearchParams({ email, password }) });
  const cookie = /__session=[^;]+/.exec(res.headers.get("set-cookie") ?? "")?.[0];
  if (!cookie) throw new Error(`the moderator could not log in (${res.status})`);
  return cookie;
}

/**
 * Empties the rate-limit windows every few seconds while the scanner runs: its thousands of probes come
 * from one address, and would otherwise meet 429s instead of the code under test.
 */
export async function keepRateLimitsOpen({ dataDir }: DemoServer): Promise<() => Promise<void>> {
  const uri = readFileSync(path.join(dataDir, "mongodb.uri"), "utf8").trim();
  const connection = await mongoose.createConnection(uri).asPromise();
  const clear = () =>
    connection
      .collection("ratelimits")
      .deleteMany({})
      .catch(() => undefined);
  const timer = setInterval(() => void clear(), 3000);
  return async () => {
    clearInterval(timer);
    await connection.close();
  };
}
