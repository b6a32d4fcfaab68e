import { catalogChanged } from "../catalog/catalog-cache.server";
import { Organization } from "../catalog/organization.server";
import { rebuildCampaignFlags } from "../feedback/campaign-flags.server";
import { rebuildParticipation } from "../summary/participation.server";
import { Period } from "../catalog/period.server";
import { writeDemoData } from "./write";
import { seedDemoReviews } from "./reviews.server";
import { seedDemoReplies } from "./replies.server";

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
  const [period, organization] = await Promise.all([Period.exists({}), Organization.exists({})]);
  return !period && !organization;
}

/** Writes the demo data (2011 open, 2012 closed) into an empty database, or over the catalog with `force`. */
export async function seedDemo(options: SeedOptions): Promise<SeedResult> {
  const result = await writeDemoData(options);
  // The demo feedback goes in by insertMany, past moveCounters: count its days and campaign flags, then tell every reader of the catalog.
  await rebuildParticipation();
  await rebuildCampaignFlags();
  await catalogChanged();
  // Re-review cases go through the real thresholds and decisions, so they need the catalog in place.
  const reviews = await seedDemoReviews({ now: options.now ?? new Date() });
  options.log(`Re-review: ${reviews.opened} cases opened on 2011's thresholds, ${reviews.decided} decided.`);
  const replies = await seedDemoReplies({ now: options.now ?? new Date() });
  options.log(`Official replies: ${replies} organizations replied on 2011's evaluations.`);
  return result;
}

function duplicateKey(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === 11000;
}

/** On `npm start`, before the server says ready: seeds a database with no periods and no organizations. */
export async function seedIfEmpty({ log }: { log: (line: string) => void }): Promise<void> {
  if (!(await catalogIsEmpty())) return;
  log("Empty database: writing the demo data (2011 and 2012, Đồng Nai)…");
  try {
    await seedDemo({ log });
  } catch (error) {
    // Another app instance seeded first: its periods won the unique index, and its catalog is in place.
    if (duplicateKey(error) && !(await catalogIsEmpty())) return;
    throw error;
  }
}
