import { publicDataChanged } from "../db/public-generation";
import mongoose from "mongoose";
import { bumpCatalogVersion, readCatalogVersion } from "./catalog-version.server";
import { applyDelta } from "./catalog-rows";
import { COUNTER_PROJECTION, countersOf, loadSnapshot, type Snapshot } from "./catalog-snapshot.server";
import { isFerretDB, serialised } from "../db/connection.server";
import { Evaluation } from "./evaluation.server";

export type { Snapshot } from "./catalog-snapshot.server";

/** How often a reader asks the database whether another process changed the catalog. */
const VERSION_CHECK_MS = 1_000;
/** On MongoDB other instances move counters too: the snapshot is reloaded this often. */
const SHARED_COUNTERS_TTL_MS = 5_000;

interface Loading {
  promise: Promise<Snapshot>;
  epoch: number;
  /** Evaluations whose counters moved while this load read them. */
  moved: Set<string>;
}

/** One snapshot per database, one load in flight, and the counter moves in flight, so a load that overlaps a move re-reads that row by _id. */
interface CacheState {
  database: string;
  snapshot: Snapshot | null;
  loading: Loading | null;
  /** Raised by every local structural change: a load started before it is never installed. */
  epoch: number;
  checkedAt: number;
  checking: boolean;
  movesInFlight: Map<string, number>;
}
const state: CacheState = {
  database: "",
  snapshot: null,
  loading: null,
  epoch: 0,
  checkedAt: 0,
  checking: false,
  movesInFlight: new Map(),
};

/** A connection to another database (each test file has its own) starts from nothing. */
function followDatabase(): void {
  const name = mongoose.connection.name ?? "";
  if (name === state.database) return;
  state.database = name;
  dropLocal();
}

function dropLocal(): void {
  publicDataChanged();
  state.epoch += 1;
  state.snapshot = null;
  state.checkedAt = 0;
}

/** Re-reads by _id the counters a load may have missed, queued behind that evaluation's own moves. */
function refetchMoved(snapshot: Snapshot, ids: Set<string>): void {
  for (const id of ids) {
    const row = snapshot.rowsById.get(id);
    if (!row) continue;
    snapshot.refetch.add(id);
    void serialised(Evaluation, id, async () => {
      const doc = await Evaluation.findById(id, COUNTER_PROJECTION).lean();
      Object.assign(row, countersOf(doc ?? {}));
      publicDataChanged();
      snapshot.refetch.delete(id);
    }).catch(() => {
      if (state.snapshot === snapshot) dropLocal();
    });
  }
}

function startLoad(): Promise<Snapshot> {
  if (state.loading && state.loading.epoch === state.epoch) return state.loading.promise;
  const loading: Loading = { promise: loadSnapshot(), epoch: state.epoch, moved: new Set(state.movesInFlight.keys()) };
  const settle = () => {
    if (state.loading === loading) state.loading = null;
  };
  loading.promise.then((snapshot) => {
    settle();
    if (loading.epoch !== state.epoch) return;
    state.snapshot = snapshot;
    state.checkedAt = Date.now();
    publicDataChanged();
    refetchMoved(snapshot, loading.moved);
  }, settle);
  state.loading = loading;
  return loading.promise;
}

/** At most once a second: has another process changed the catalog? Then reload while serving this one. */
function revalidate(snapshot: Snapshot): void {
  const now = Date.now();
  if (!isFerretDB() && now - snapshot.loadedAt >= SHARED_COUNTERS_TTL_MS) {
    startLoad().catch(() => undefined);
    return;
  }
  if (state.checking || now - state.checkedAt < VERSION_CHECK_MS) return;
  state.checking = true;
  state.checkedAt = now;
  readCatalogVersion()
    .then((token) => {
      if (token !== snapshot.token && state.snapshot === snapshot) return startLoad();
    })
    .catch(() => undefined)
    .finally(() => (state.checking = false));
}

/**
 * The catalog in memory. The first reader (and the first after a structural change here) waits for one
 * load; afterwards a changed version token or, on MongoDB, the counters' age triggers a reload in the
 * background while the current snapshot is served.
 */
export function catalogSnapshot(): Promise<Snapshot> {
  followDatabase();
  const snapshot = state.snapshot;
  if (!snapshot) return startLoad();
  revalidate(snapshot);
  return Promise.resolve(snapshot);
}

/** The loaded snapshot's row for an evaluation, without waiting for a load. */
export function loadedRow(evaluationId: string) {
  followDatabase();
  return state.snapshot?.rowsById.get(evaluationId);
}

/**
 * Runs the $inc `write` of a counter move and then applies the same `inc` to the row in memory, so a
 * decision or a new comment shows at once. Call it inside serialised(Evaluation, id) on FerretDB.
 */
export async function trackCounterMove(evaluationId: string, inc: Record<string, number>, write: () => Promise<unknown>): Promise<void> {
  followDatabase();
  state.movesInFlight.set(evaluationId, (state.movesInFlight.get(evaluationId) ?? 0) + 1);
  state.loading?.moved.add(evaluationId);
  try {
    await write();
    const snapshot = state.snapshot;
    const row = snapshot?.rowsById.get(evaluationId);
    if (row && !snapshot!.refetch.has(evaluationId)) applyDelta(row, inc);
  } finally {
    publicDataChanged();
    const left = (state.movesInFlight.get(evaluationId) ?? 1) - 1;
    if (left > 0) state.movesInFlight.set(evaluationId, left);
    else state.movesInFlight.delete(evaluationId);
  }
}

/**
 * Announces a structural change (import, admin edit, seed, recount) after it is written: a new version
 * token for every other process, and this process's snapshot dropped at once.
 */
export async function catalogChanged(): Promise<void> {
  try {
    await bumpCatalogVersion();
  } finally {
    followDatabase();
    dropLocal();
  }
}
