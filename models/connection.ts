import mongoose from "mongoose";

/**
 * Process-wide state. The Remix bundle carries its own copy of models/, and server.ts and the
 * scripts load this file from source, so module-level variables would differ between copies.
 */
interface ConnectionState {
  ferret: boolean;
  tails: Map<string, Promise<unknown>>;
}
const STATE_KEY = Symbol.for("congkhai.connection");
const globals = globalThis as typeof globalThis & { [STATE_KEY]?: ConnectionState };
const state: ConnectionState = (globals[STATE_KEY] ??= { ferret: false, tails: new Map() });

/** Connects mongoose and notes whether the server is FerretDB, whose read-modify-writes are not atomic. */
export async function connectDatabase({ uri, dbName }: { uri: string; dbName?: string }): Promise<void> {
  mongoose.set("strictQuery", true);
  await mongoose.connect(uri, {
    dbName: dbName ?? "congkhai",
    serverSelectionTimeoutMS: 4000,
    // Fail fast while the database is away, so requests get a 503 instead of hanging.
    bufferCommands: false,
    autoIndex: true,
    // Set here so a connection string cannot weaken them: a read right after a login, a post or a recount must see
    // that write (primary), an acknowledged write must survive a failover (majority), and one retry rides over it.
    readPreference: "primary",
    w: "majority",
    retryWrites: true,
  });
  const info = await mongoose.connection.db!.admin().command({ buildInfo: 1 });
  state.ferret = typeof info.ferretdbVersion === "string" || typeof info.ferretdb === "object";
  await Promise.all(Object.values(mongoose.models).map((model) => model.init()));
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
  const ping = db.admin().ping().then(() => true as const, () => false as const);
  return Promise.race([ping, timeout]);
}

/**
 * Runs `task` after every earlier task with the same key has settled. FerretDB 1.24 runs each
 * findOneAndUpdate or $inc as a separate read and write, so the one app process that owns an
 * embedded database serialises them per document here; MongoDB is atomic and skips the queue.
 */
export function serialised<T>(key: string, task: () => Promise<T>): Promise<T> {
  if (!state.ferret) return task();
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
