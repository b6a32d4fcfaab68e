import { catalogChanged } from "../catalog/catalog-cache.server";
import { serialised } from "../db/connection.server";
import { Evaluation } from "../catalog/evaluation.server";
import type { ImportPlan } from "./import-plan.server";
import { Organization } from "../catalog/organization.server";

export type Progress = (done: number, total: number) => void;

const INSERT_BATCH = 250;
// SQLite behind FerretDB takes one writer at a time; more in flight only meets SQLITE_BUSY.
const UPDATE_CONCURRENCY = 2;

/** Number of documents the plan writes; what progress counts up to. */
export function planSize(plan: ImportPlan): number {
  return plan.organizationInserts.length + plan.organizationUpdates.length + plan.evaluationInserts.length + plan.evaluationUpdates.length;
}

async function insertInBatches<T>(docs: readonly T[], insert: (batch: T[]) => Promise<unknown>, step: (n: number) => void): Promise<void> {
  for (let start = 0; start < docs.length; start += INSERT_BATCH) {
    const batch = docs.slice(start, start + INSERT_BATCH);
    await insert(batch);
    step(batch.length);
  }
}

/** Runs `task` over `items` with a few in flight: enough to hide round trips, few enough for two cores. */
async function inParallel<T>(items: readonly T[], task: (item: T) => Promise<unknown>, step: (n: number) => void): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++]!;
      await task(item);
      step(1);
    }
  };
  await Promise.all(Array.from({ length: Math.min(UPDATE_CONCURRENCY, items.length) }, worker));
}

/**
 * Writes a plan. Organizations first, so every evaluation names one that exists. New documents
 * go in with insertMany (atomic per document on both servers; the unique indexes refuse a
 * racing duplicate); changes are a $set by _id inside serialised(), so they queue behind any
 * counter $inc on the same document. On FerretDB each such write costs a pass over the collection
 * (measured: about 10 ms per organization, 50 ms per evaluation at 5,000 evaluations), which is why
 * unchanged rows are never written. No transactions:
 * a crash part-way leaves some rows written, and re-running the same import finishes the job.
 */
export async function applyPlan(plan: ImportPlan, onProgress: Progress = () => undefined): Promise<void> {
  const total = planSize(plan);
  let done = 0;
  const step = (n: number) => {
    done += n;
    onProgress(done, total);
  };
  try {
    await insertInBatches(plan.organizationInserts, (batch) => Organization.insertMany(batch, { ordered: true }), step);
    await inParallel(
      plan.organizationUpdates,
      ({ id, set }) => serialised(Organization, id, () => Organization.updateOne({ _id: id }, { $set: set })),
      step,
    );
    await insertInBatches(plan.evaluationInserts, (batch) => Evaluation.insertMany(batch, { ordered: true }), step);
    await inParallel(
      plan.evaluationUpdates,
      ({ id, set }) => serialised(Evaluation, id, () => Evaluation.updateOne({ _id: id }, { $set: set })),
      step,
    );
  } finally {
    // Even a partly written plan changed what the public pages show.
    if (planSize(plan) > 0) await catalogChanged();
  }
}
