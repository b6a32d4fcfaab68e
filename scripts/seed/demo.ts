import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import mongoose from "mongoose";

// No static import of models/ here: server.ts imports this file, and its models live in the Remix
// bundle; a second copy loaded beside them would register every mongoose model twice and throw.

export interface SeedProgress {
  stage: "periods" | "organizations" | "evaluations" | "feedback";
  done: number;
  total: number;
}

export interface SeedOptions {
  /** Wipe periods, organizations, evaluations and feedback first (users stay). */
  force?: boolean;
  log: (line: string) => void;
  progress?: (progress: SeedProgress) => void;
  now?: Date;
}

export interface SeedResult {
  periods: number;
  organizations: number;
  evaluations: number;
  feedback: number;
  ms: number;
}

export class DatabaseNotEmpty extends Error {
  constructor() {
    super("The database already has periods or organizations; run `npm run seed -- --force` to replace them with the demo data.");
  }
}

/** "Non-empty" means any period or organization: users alone do not stop the demo data. */
export async function catalogIsEmpty(): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db) throw new Error("not connected to the database");
  // Collection names of models/period.ts and models/organization.ts, read without loading those models.
  const [period, organization] = await Promise.all(["periods", "organizations"].map((name) => db.collection(name).findOne({}, { projection: { _id: 1 } })));
  return !period && !organization;
}

/** Writes the demo data (2011 open, 2012 closed) into an empty database, or over the catalog with `force`. */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const { writeDemoData } = await import("./write");
  const result = await writeDemoData(options);
  // The demo feedback goes in by insertMany, past moveCounters: count its days, then tell every reader of the catalog.
  const [{ rebuildParticipation }, { catalogChanged }] = await Promise.all([import("../../models/participation"), import("../../models/catalog-cache")]);
  await rebuildParticipation();
  await catalogChanged();
  return result;
}

/** Runs `npm run seed` as a child process (same runtime flags and environment), passing its output to `log`. */
function runSeedScript(log: (line: string) => void): Promise<number | null> {
  const script = fileURLToPath(new URL("../seed.ts", import.meta.url));
  const child = spawn(process.execPath, [...process.execArgv, script], { env: process.env, stdio: ["ignore", "pipe", "pipe"] });
  for (const stream of [child.stdout, child.stderr]) createInterface({ input: stream }).on("line", (line) => line.trim() && log(line.trim()));
  return new Promise((resolve, reject) => {
    child.once("error", reject);
    child.once("close", (code) => resolve(code));
  });
}

/** On `npm start`: seeds a database with no periods and no organizations, in a child process (see above). */
export async function seedIfEmpty({ log }: { log: (line: string) => void }): Promise<void> {
  if (!(await catalogIsEmpty())) return;
  log("Empty database: writing the demo data (2011 and 2012, Đồng Nai)…");
  const code = await runSeedScript(log);
  if (code === 0) return;
  // Exit 1 with a catalog in place: another app instance seeded first (its periods won the unique index).
  if (code === 1 && !(await catalogIsEmpty())) return;
  throw new Error(`Seeding the demo data failed (exit code ${code}).`);
}
