/**
 * The minimal Remix route the bench compares every page with: scripts/bench/minimal-app/ (one route, classic
 * compiler, the project's React and Remix), built once into .cache/bench-minimal/<hash of its sources> and
 * served by Express in a child process on a free loopback port.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { stopperFor } from "./child";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const sourceDir = path.join(projectRoot, "scripts/bench/minimal-app");
const SOURCES = ["remix.config.js", "server.js", "app/root.tsx", "app/routes/_index.tsx"];
const START_TIMEOUT_MS = 20_000;

export interface MinimalServer {
  url: string;
  pid: number | undefined;
  stop(): Promise<void>;
}

function buildDir(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(file).update(readFileSync(path.join(sourceDir, file)));
  // Its config takes the project's module format and future flags from the project's remix.config.js.
  hash
    .update(JSON.stringify(minimalPackageJson()))
    .update(readFileSync(path.join(projectRoot, "remix.config.js")))
    .update(readFileSync(path.join(projectRoot, "node_modules/@remix-run/dev/package.json")));
  // Three folders below the project, like the sources: the config's ../../../remix.config.js is the project's.
  return path.join(projectRoot, ".cache/bench-minimal", hash.digest("hex").slice(0, 16));
}

/**
 * ESM for build/index.js and server.js; Remix reads the runtime from the dependencies, pinned to the project's
 * own versions, which resolve from the project's node_modules above .cache.
 */
function minimalPackageJson() {
  const project = JSON.parse(readFileSync(path.join(projectRoot, "package.json"), "utf8")) as { dependencies: Record<string, string> };
  const names = ["@remix-run/express", "@remix-run/node", "@remix-run/react", "express", "isbot", "react", "react-dom"];
  const dependencies = Object.fromEntries(names.map((name) => [name, project.dependencies[name] ?? "*"]));
  return { private: true, type: "module", sideEffects: false, dependencies };
}

/** Builds the app unless a build of the same sources exists; returns its directory. */
function ensureBuilt(log: (line: string) => void): string {
  const dir = buildDir();
  const done = path.join(dir, "built");
  if (existsSync(done)) return dir;
  log("building the minimal Remix app (first run only)…");
  rmSync(dir, { recursive: true, force: true });
  cpSync(sourceDir, dir, { recursive: true });
  writeFileSync(path.join(dir, "package.json"), JSON.stringify(minimalPackageJson()));
  const remix = path.join(projectRoot, "node_modules/.bin/remix");
  const result = spawnSync(remix, ["build"], {
    cwd: dir,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "production" },
    timeout: 180_000,
  });
  if (result.status !== 0) throw new Error(`building the minimal app failed:\n${result.stdout}\n${result.stderr}`);
  writeFileSync(done, new Date().toISOString());
  return dir;
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the minimal app did not start in time")), START_TIMEOUT_MS);
    createInterface({ input: child.stdout! }).once("line", (line) => (clearTimeout(timer), resolve(line.trim())));
    child.once("exit", (code) => (clearTimeout(timer), reject(new Error(`the minimal app exited (code ${code})`))));
  });
}

/** Builds (when needed) and starts the minimal app; the caller stops it. */
export async function startMinimal(log: (line: string) => void = console.log): Promise<MinimalServer> {
  const dir = ensureBuilt(log);
  const child = spawn(process.execPath, ["server.js"], {
    cwd: dir,
    env: { ...process.env, NODE_ENV: "production", PORT: "0" },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const stop = stopperFor(child, 5000);
  const port = await firstLine(child).catch(async (error: unknown) => (await stop(), Promise.reject(error)));
  return { url: `http://127.0.0.1:${port}`, pid: child.pid, stop };
}
