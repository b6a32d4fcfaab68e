import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import mongoose from "mongoose";
import { IndexBuildError } from "./connection.server";

/**
 * Registers every model by importing each module under models/ that defines one, so a model added
 * later is indexed without being listed here. Read as text first: importing every module would run
 * what has nothing to do with indexes.
 */
export async function loadAllModels(): Promise<void> {
  const dir = path.resolve(import.meta.dirname, "..");
  for (const name of (await readdir(dir, { recursive: true })).sort()) {
    if (!name.endsWith(".ts") || path.basename(name).startsWith("define-model.")) continue;
    const file = path.join(dir, name);
    if ((await readFile(file, "utf8")).includes("defineModel(")) await import(pathToFileURL(file).href);
  }
}

interface ListedIndex {
  name: string;
  key: Record<string, unknown>;
  unique: boolean;
}

export interface CollectionIndexes {
  model: string;
  collection: string;
  created: string[];
  dropped: string[];
  /** Every index the collection has afterwards (before, on a dry run). */
  indexes: ListedIndex[];
}

const keyName = (key: Record<string, unknown>) =>
  Object.entries(key)
    .map(([field, direction]) => `${field}_${String(direction)}`)
    .join("_");

async function syncModel(model: mongoose.Model<unknown>, dryRun: boolean): Promise<CollectionIndexes> {
  const diff = await model.diffIndexes();
  const wanted = (diff.toCreate as Record<string, unknown>[]).map(keyName);
  const dropped = dryRun ? (diff.toDrop as string[]) : await model.syncIndexes();
  // A collection that does not exist yet (a model with no indexes, a dry run) lists none.
  const listed: { name: string; key: Record<string, unknown>; unique?: boolean }[] = await model.listIndexes().catch(() => []);
  return {
    model: model.modelName,
    collection: model.collection.collectionName,
    created: wanted,
    dropped,
    indexes: listed.map((index) => ({ name: index.name, key: index.key, unique: index.unique === true })),
  };
}

/**
 * Makes every model's indexes match its schema (`syncIndexes`: builds the missing, drops the ones no
 * schema declares) on the connected database, model by model; `dryRun` only reports the difference.
 * Production runs this once per deployment (`npm run db:indexes`) instead of every instance building
 * indexes at boot. A model whose indexes cannot be built is reported as an IndexBuildError.
 */
export async function syncAllIndexes({ dryRun = false }: { dryRun?: boolean } = {}): Promise<{
  collections: CollectionIndexes[];
  failures: IndexBuildError[];
}> {
  await loadAllModels();
  const collections: CollectionIndexes[] = [];
  const failures: IndexBuildError[] = [];
  const models = Object.values(mongoose.models).sort((a, b) => a.collection.collectionName.localeCompare(b.collection.collectionName));
  for (const model of models) {
    try {
      collections.push(await syncModel(model, dryRun));
    } catch (error) {
      failures.push(new IndexBuildError(model.modelName, error));
    }
  }
  return { collections, failures };
}
