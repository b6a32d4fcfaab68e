import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createInterface } from "node:readline";
import path from "node:path";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";

/** The project's root: the nearest folder up with a package.json (from source here, or from the server bundle in build/server/). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "package.json"))) return dir;
    if (path.dirname(dir) === dir) throw new Error(`No package.json above ${from}`);
  }
}

const projectRoot = findProjectRoot(path.dirname(fileURLToPath(import.meta.url)));
const sourceDir = path.join(projectRoot, "embedded-db/go");
const SOURCES = ["go.mod", "go.sum", "main.go", "patches.json"];

export class EmbeddedDatabaseUnavailable extends Error {}

/** Path of the cached FerretDB binary, keyed by a hash of its Go sources so an edit rebuilds it. */
export function ferretBinaryPath(): string {
  const hash = createHash("sha256");
  for (const file of SOURCES) hash.update(readFileSync(path.join(sourceDir, file)));
  return path.join(projectRoot, ".cache/ferretdb", hash.digest("hex").slice(0, 16), "ferretdb");
}

interface ModulePatches {
  module: string;
  version: string;
  patches: { file: string; from: string; to: string; why: string }[];
}

/**
 * Copies FerretDB's module out of the Go module cache and applies embedded-db/go/patches.json to the
 * copy (each `from` must occur exactly once, else the build fails), so the fix is reproducible and visible.
 */
function patchedModuleCopy(workDir: string): string {
  const spec = JSON.parse(readFileSync(path.join(sourceDir, "patches.json"), "utf8")) as ModulePatches;
  const download = spawnSync("go", ["mod", "download", "-json", `${spec.module}@${spec.version}`], { cwd: sourceDir, encoding: "utf8" });
  if (download.status !== 0) throw new EmbeddedDatabaseUnavailable(`Downloading ${spec.module}@${spec.version} failed: ${download.stderr}`);
  const { Dir } = JSON.parse(download.stdout) as { Dir: string };
  const copy = path.join(workDir, "FerretDB");
  rmSync(copy, { recursive: true, force: true });
  cpSync(Dir, copy, { recursive: true });
  for (const patch of spec.patches) {
    const file = path.join(copy, patch.file);
    const text = readFileSync(file, "utf8");
    if (text.split(patch.from).length !== 2)
      throw new EmbeddedDatabaseUnavailable(
        `The FerretDB patch for ${patch.file} no longer applies: "${patch.from}" is not there exactly once.`,
      );
    chmodSync(file, 0o644); // the module cache is read-only
    writeFileSync(file, text.replace(patch.from, patch.to));
  }
  return copy;
}

/** Builds the patched embedded FerretDB once (about two minutes on a new machine) and reuses it after. */
export function ensureFerretBinary(log: (line: string) => void = console.log): string {
  const binary = ferretBinaryPath();
  if (existsSync(binary)) return binary;
  const go = spawnSync("go", ["version"], { encoding: "utf8" });
  if (go.error || go.status !== 0) {
    throw new EmbeddedDatabaseUnavailable(
      "No database: either set MONGODB_URI to a running MongoDB 6+ or FerretDB, or install Go 1.24+ so the embedded FerretDB can be built.",
    );
  }
  log("Building the embedded database (FerretDB 1.24.2, patched; first run only)…");
  const workDir = `${path.dirname(binary)}.${process.pid}.work`;
  mkdirSync(path.join(workDir, "main"), { recursive: true });
  try {
    const module = patchedModuleCopy(workDir);
    for (const file of ["main.go", "go.sum"]) cpSync(path.join(sourceDir, file), path.join(workDir, "main", file));
    const goMod = readFileSync(path.join(sourceDir, "go.mod"), "utf8");
    writeFileSync(path.join(workDir, "main/go.mod"), `${goMod}\nreplace github.com/FerretDB/FerretDB => ${module}\n`);
    const partial = path.join(workDir, "ferretdb");
    const build = spawnSync("go", ["build", "-o", partial, "."], {
      cwd: path.join(workDir, "main"),
      stdio: ["ignore", "inherit", "inherit"],
      env: { ...process.env, CGO_ENABLED: "0" },
    });
    if (build.status !== 0) throw new EmbeddedDatabaseUnavailable("Building the embedded database failed (see the Go output above).");
    mkdirSync(path.dirname(binary), { recursive: true });
    renameSync(partial, binary); // atomic, so a concurrent starter never runs a half-written file
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
  return binary;
}

/**
 * The database to use: MONGODB_URI when set, else the embedded FerretDB under `dataDir` (reused when one
 * already runs there, started otherwise). Production refuses the embedded one.
 */
export async function resolveDatabase({
  mongodbUri,
  dataDir,
  production,
  log,
}: ResolveArgs): Promise<{ uri: string; embedded: EmbeddedServer | null }> {
  if (mongodbUri) return { uri: mongodbUri, embedded: null };
  if (production)
    throw new EmbeddedDatabaseUnavailable(
      "MONGODB_URI is required when NODE_ENV=production: the embedded database serves development, tests and the demo.",
    );
  const embedded = await startOrReuseEmbedded(dataDir, log);
  return { uri: embedded.uri, embedded };
}

interface ResolveArgs {
  mongodbUri: string | undefined;
  dataDir: string;
  production: boolean;
  log: (line: string) => void;
}

/** True when a MongoDB-compatible server answers a ping at `uri` within `timeoutMS`. */
export async function databaseAnswers(uri: string, timeoutMS = 1500): Promise<boolean> {
  const connection = mongoose.createConnection(uri, { serverSelectionTimeoutMS: timeoutMS, connectTimeoutMS: timeoutMS });
  try {
    await connection.asPromise();
    await connection.db?.admin().ping();
    return true;
  } catch {
    return false;
  } finally {
    await connection.close().catch(() => undefined);
  }
}

export interface EmbeddedServer {
  uri: string;
  /** Stops the server when this process started it; a no-op when it reused a running one. */
  stop(): Promise<void>;
  owned: boolean;
}

function uriFile(dataDir: string): string {
  return path.join(path.resolve(dataDir), "mongodb.uri");
}

/** Reuses the embedded server named in `$DATA_DIR/mongodb.uri` when it answers, else starts one owned by this process. */
export async function startOrReuseEmbedded(dataDir: string, log: (line: string) => void = console.log): Promise<EmbeddedServer> {
  const file = uriFile(dataDir);
  if (existsSync(file)) {
    const uri = readFileSync(file, "utf8").trim();
    if (uri && (await databaseAnswers(uri))) return { uri, owned: false, stop: async () => undefined };
  }
  const binary = ensureFerretBinary(log);
  mkdirSync(dataDir, { recursive: true });
  let current = await launch(binary, dataDir, "127.0.0.1:0");
  const uri = current.uri;
  let stopping = false;
  // If the server dies under us, restart it on the same port so connections recover by themselves.
  const restart = (attempt: number): void => {
    if (stopping || attempt > 30) return;
    setTimeout(() => {
      launch(binary, dataDir, new URL(uri).host).then(
        (next) => {
          current = next;
          watch(next.child);
        },
        () => restart(attempt + 1),
      );
    }, 1000).unref();
  };
  const watch = (child: ChildProcess): void => {
    child.once("exit", () => {
      if (stopping) return;
      log("The embedded database stopped; restarting it on the same port.");
      restart(1);
    });
  };
  watch(current.child);
  return {
    uri,
    owned: true,
    stop: async () => {
      stopping = true;
      await stopChild(current.child);
    },
  };
}

async function launch(binary: string, dataDir: string, listen: string): Promise<{ child: ChildProcess; uri: string }> {
  const child = spawn(binary, ["-data-dir", path.resolve(dataDir), "-listen", listen, "-exit-on-stdin-close"], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  return { child, uri: await firstLine(child) };
}

function firstLine(child: ChildProcess): Promise<string> {
  return new Promise((resolve, reject) => {
    if (!child.stdout) return reject(new Error("embedded database has no stdout"));
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (line) => resolve(line.trim()));
    child.once("exit", (code) => reject(new EmbeddedDatabaseUnavailable(`The embedded database exited early (code ${code}).`)));
    child.once("error", reject);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
