import { Evaluation } from "../catalog/evaluation.server";
import { Feedback } from "../feedback/feedback.server";
import { Organization } from "../catalog/organization.server";
import { Period } from "../catalog/period.server";
import { rebuildFeedbackReadModels } from "../feedback/read-models.server";
import { catalogIsEmpty, DatabaseNotEmpty, type SeedOptions, type SeedProgress, type SeedResult } from "./demo";
import { buildDemoData, type DemoData } from "./plan";

/** Documents per insertMany: FerretDB is slow per round trip, and 500 keeps each request modest. */
const BATCH = 500;

async function wipeCatalog(): Promise<void> {
  // Feedback and evaluations first, so an interrupted wipe never leaves feedback without its evaluation.
  await Feedback.deleteMany({});
  await Evaluation.deleteMany({});
  await Organization.deleteMany({});
  await Period.deleteMany({});
}

interface Stage {
  stage: SeedProgress["stage"];
  count: number;
  insert: (from: number, to: number) => Promise<unknown>;
}

function stages(data: DemoData): Stage[] {
  // Our timestamps (feedback spread over the past weeks) are kept: mongoose only fills missing ones.
  return [
    { stage: "periods", count: data.periods.length, insert: (from, to) => Period.insertMany(data.periods.slice(from, to)) },
    {
      stage: "organizations",
      count: data.organizations.length,
      insert: (from, to) => Organization.insertMany(data.organizations.slice(from, to)),
    },
    { stage: "evaluations", count: data.evaluations.length, insert: (from, to) => Evaluation.insertMany(data.evaluations.slice(from, to)) },
    { stage: "feedback", count: data.feedback.length, insert: (from, to) => Feedback.insertMany(data.feedback.slice(from, to)) },
  ];
}

async function insertAll(data: DemoData, progress: (p: SeedProgress) => void): Promise<void> {
  const plan = stages(data);
  const total = plan.reduce((sum, { count }) => sum + count, 0);
  let done = 0;
  for (const { stage, count, insert } of plan) {
    for (let from = 0; from < count; from += BATCH) {
      const to = Math.min(count, from + BATCH);
      await insert(from, to);
      done += to - from;
      progress({ stage, done, total });
    }
  }
}

/** Writes the demo data (2011 open, 2012 closed) into an empty database, or over the catalog with `force`. */
export async function writeDemoData({
  force = false,
  log,
  progress = () => undefined,
  now = new Date(),
}: SeedOptions): Promise<SeedResult> {
  const started = Date.now();
  if (!(await catalogIsEmpty())) {
    if (!force) throw new DatabaseNotEmpty();
    log("Removing periods, organizations, evaluations and feedback (users are kept)…");
    await wipeCatalog();
  }
  const data = buildDemoData(now);
  await insertAll(data, progress);
  // The queue and the published lists are read models of feedback: built in bulk, not item by item.
  await rebuildFeedbackReadModels({ now });
  const result = {
    periods: data.periods.length,
    organizations: data.organizations.length,
    evaluations: data.evaluations.length,
    feedback: data.feedback.length,
    ms: Date.now() - started,
  };
  log(
    `Demo data: ${result.periods} periods, ${result.organizations} organizations, ${result.evaluations} evaluations, ${result.feedback} feedback items in ${(result.ms / 1000).toFixed(1)} s.`,
  );
  return result;
}
