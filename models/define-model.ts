import mongoose, { type Schema } from "mongoose";

/**
 * Registers a model, replacing an earlier registration of the same name. The Remix bundle and
 * server.ts (or a script) may each load models/ in one process; both copies share the connection.
 */
export function defineModel<TSchema extends Schema>(name: string, schema: TSchema, collection: string) {
  if (mongoose.models[name]) mongoose.deleteModel(name);
  return mongoose.model(name, schema, collection);
}
