import mongoose from "mongoose";
import { env } from "../../app/utils/env.server";

/** What serialised() locks: one document of a model; the key is derived from the model, so no call can misspell it. */
interface Lockable {
  readonly collection: { readonly collectionName: string };
}

/** Whether the server is FerretDB, and the tail of each serialised() queue. */
interface ConnectionState {
  ferret: boolean;
  tails: Map<string, Promise<unknown>>;
}
const state: ConnectionState = { ferret: false, tails: new Map() };

/** An index the schema declares could not be built: a fault in the data or the schema, not an unreachable database. */
export class IndexBuildError extends Error {
  constructor(
    readonly model: string,
    cause: unknown,
  ) {
    super(`index build failed for ${model}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
    this.name = "IndexBuildError";
  }
}

/** The database a connection string names (`mongodb://host:port/NAME?…`), or "" when it names none. */
export function uriDatabase(uri: string): string {
  const name = /^mongodb(?:\+srv)?:\/\/[^/?]+\/([^?]*)/.exec(uri)?.[1] ?? "";
  return decodeURIComponent(name);
}

/**
 * Connects mongoose and notes whether the server is FerretDB, whose read-modify-writes are not atomic.
 * `buildIndexes` (default: everywhere but production) builds every registered model's indexes before
 * returning; production builds them deliberately with `npm run db:indexes`, not on every instance's boot.
 * The database is `dbName`, else the one the URI names, else `congkhai`.
 */
export async function connectDatabase({
  uri,
  dbName,
  buildIndexes,
}: {
  uri: string;
  dbName?: string;
  buildIndexes?: boolean;
}): Promise<void> {
  const atConnect = buildIndexes ?? env().NODE_ENV !== "production";
  mongoose.set("strictQuery", true);
  await mongoose.connect(uri, {
    dbName: dbName ?? (uriDatabase(uri) || "congkhai"),
    serverSelectionTimeoutMS: 4000,
    // Fail fast while the database is away, so requests get a 503 instead of hanging.
    bufferCommands: false,
    autoIndex: atConnect,
    autoCreate: atConnect,
    // Set here so a connection string cannot weaken them: a read right after a login, a post or a recount must see
    // that write (primary), an acknowledged write must survive a failover (majority), and one retry rides over it.
    readPreference: "primary",
    w: "majority",
    retryWrites: true,
  });
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  state.ferret = typeof info.ferretdbVersion === "string" || typeof info.ferretdb === "object";
  if (!atConnect) return;
  await Promise.all(
    Object.values(mongoose.models).map((model) =>
      model.init().catch((error: unknown) => {
        throw new IndexBuildError(model.modelName, error);
      }),
    ),
  );
}

export async function disconnectDatabase(): Promise<void> {
  await mongoose.disconnect();
}

export function isFerretDB(): boolean {
  return state.ferret;
}

/** True while the driver holds a working connection. */
export function databaseConnected(): boolean {
  return mongoose.connection.readyState === mongoose.ConnectionStates.connected;
}

/** Answers whether the database responds within `timeoutMS`. */
export async function pingDatabase(timeoutMS = 2000): Promise<boolean> {
  const db = mongoose.connection.db;
  if (!db || !databaseConnected()) return false;
  const timeout = new Promise<false>((resolve) => setTimeout(() => resolve(false), timeoutMS).unref());
  const ping = db
    .admin()
    .ping()
    .then(
      () => true as const,
      () => false as const,
    );
  return Promise.race([ping, timeout]);
}

/**
 * Runs `task` after every earlier task on the same document (`model`, `id`) has settled. FerretDB 1.24 runs each
 * findOneAndUpdate or $inc as a separate read and write, so the one app process that owns an
 * embedded database serialises them per document here; MongoDB is atomic and skips the queue.
 */
export function serialised<T>(model: Lockable, id: unknown, task: () => Promise<T>): Promise<T> {
  if (!state.ferret) return task();
  const key = `${model.collection.collectionName}:${String(id)}`;
  const { tails } = state;
  const previous = tails.get(key) ?? Promise.resolve();
  const run = previous.then(task, task);
  const tail = run.then(
    () => undefined,
    () => undefined,
  );
  tails.set(key, tail);
  void tail.then(() => {
    if (tails.get(key) === tail) tails.delete(key);
  });
  return run;
}
