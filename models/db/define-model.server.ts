import mongoose, { type Schema } from "mongoose";

/**
 * Registers a model with its collection. Once per process: the server takes the app from the Remix
 * build, so models/ is loaded once, and a second registration throws (mongoose's OverwriteModelError).
 * db-indexes.ts finds the models by this call.
 */
export function defineModel<TSchema extends Schema>(name: string, schema: TSchema, collection: string) {
  return mongoose.model(name, schema, collection);
}
