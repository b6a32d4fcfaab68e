import mongoose, { Schema } from "mongoose";
import { defineModel } from "../db/define-model.server";

/**
 * One tiny document per read model, `{_id: "catalog", token}`: every structural write (import, admin edit,
 * seed, recount) sets a new token, and each app process compares it with the token its snapshot was loaded
 * at. A $set of a fresh token, not an $inc: no read-modify-write, so two writers at once both count.
 */
const CacheVersionSchema = new Schema(
  { _id: { type: String, required: true }, token: { type: String, required: true } },
  { timestamps: true },
);
export const CacheVersion = defineModel("CacheVersion", CacheVersionSchema, "cacheversions");

export const CATALOG_VERSION_ID = "catalog";

/** The current token (a `{_id: value}` read, fast on both servers); "" before any write. */
export async function readCatalogVersion(): Promise<string> {
  const doc = await CacheVersion.findById(CATALOG_VERSION_ID, { token: 1 }).lean<{ token: string }>();
  return doc?.token ?? "";
}

/** Announces a structural change to every process reading the catalog. */
export async function bumpCatalogVersion(): Promise<string> {
  const token = new mongoose.Types.ObjectId().toHexString();
  const write = () => CacheVersion.updateOne({ _id: CATALOG_VERSION_ID }, { $set: { token } }, { upsert: true });
  // Two first-ever upserts at once can both try the insert on FerretDB; the loser's retry is an update.
  await write().catch((error: unknown) => ((error as { code?: unknown }).code === 11000 ? write() : Promise.reject(error)));
  return token;
}
