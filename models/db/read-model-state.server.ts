import { randomBytes } from "node:crypto";
import { Schema } from "mongoose";
import { defineModel } from "./define-model.server";

/**
 * One small document per read model, `_id` = its name: when it was last rebuilt and a generation that
 * changes with every rebuild, so a process caching the model (the queue index) knows to reload it.
 */
const ReadModelStateSchema = new Schema({
  _id: { type: String, required: true },
  generation: { type: String, required: true },
  rebuiltAt: { type: Date, required: true },
  count: { type: Number, required: true },
});

export const ReadModelState = defineModel("ReadModelState", ReadModelStateSchema, "readmodelstates");

/** The queue's generation, named after its database ("initial" until the first rebuild). */
export async function queueGeneration(): Promise<string> {
  const doc = await ReadModelState.findById("queue", { generation: 1 }).lean();
  return `${ReadModelState.db.name}:${doc?.generation ?? "initial"}`;
}

/** Notes a finished rebuild (a new generation). */
export async function markRebuilt({ name, count, now = new Date() }: { name: string; count: number; now?: Date }): Promise<void> {
  const generation = randomBytes(8).toString("hex");
  await ReadModelState.updateOne({ _id: name }, { $set: { generation, rebuiltAt: now, count } }, { upsert: true });
}
