import { isFerretDB } from "../db/connection.server";

/** What the queue filters and sorts on, per pending item. */
export interface IndexedEntry {
  id: string;
  createdAt: number;
  period: string;
  district: string;
  stance: string;
  flagged: boolean;
  organization: string;
  /** A residents' follow-up ("removal" or "reports"); absent for a new comment. */
  kind?: string;
}

export interface IndexFilter {
  period?: string;
  district?: string;
  stance?: string;
  flagged?: boolean;
  organization?: string;
}

type Op = { add: IndexedEntry } | { remove: string };

/**
 * On the embedded database a query on `queue` reads every entry (~100 µs each: a backlog of 12,000 is
 * over a second), so the one app process that owns it keeps the queue's sort keys in memory, sorted by
 * (createdAt, _id), and reads only a page's entries by `_id`. Its own writes update the index; a rebuild
 * by a script moves the generation in `readmodelstates`, which makes the next page reload it.
 * On MongoDB nothing is cached: the queue's indexes answer directly, whichever instance wrote.
 */
interface QueueIndexState {
  entries: IndexedEntry[];
  byId: Map<string, IndexedEntry>;
  generation: string | null;
  loading: Promise<void> | null;
  /** Writes seen while a load scans the collection, replayed once it ends. */
  missed: Op[] | null;
}

const state: QueueIndexState = { entries: [], byId: new Map(), generation: null, loading: null, missed: null };

function before(a: IndexedEntry, b: IndexedEntry): boolean {
  return a.createdAt < b.createdAt || (a.createdAt === b.createdAt && a.id < b.id);
}

/** Position of the first entry not before `key` (binary search on the sort order). */
function lowerBound(key: { createdAt: number; id: string }): number {
  let lo = 0;
  let hi = state.entries.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(state.entries[mid]!, key as IndexedEntry)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function apply(op: Op): void {
  if ("add" in op) {
    if (state.byId.has(op.add.id)) return;
    state.entries.splice(lowerBound(op.add), 0, op.add);
    state.byId.set(op.add.id, op.add);
    return;
  }
  const entry = state.byId.get(op.remove);
  if (!entry) return;
  state.entries.splice(lowerBound(entry), 1);
  state.byId.delete(op.remove);
}

/** Records a write of this process; ignored until a page is first asked for (then the load reads it anyway). */
function record(op: Op): void {
  if (!isFerretDB()) return;
  if (state.missed) state.missed.push(op);
  else if (state.generation !== null) apply(op);
}

export function indexQueueEntry(entry: IndexedEntry): void {
  record({ add: entry });
}

export function unindexQueueEntry(id: string): void {
  record({ remove: id });
}

export interface EntryKeys {
  _id: unknown;
  createdAt: Date;
  period: string;
  district: string;
  stance: string;
  flagged: boolean;
  organization: unknown;
  kind?: string | null;
}

export function indexedEntryOf(doc: EntryKeys): IndexedEntry {
  return {
    ...(doc.kind ? { kind: doc.kind } : {}),
    id: String(doc._id),
    createdAt: new Date(doc.createdAt).getTime(),
    period: doc.period,
    district: doc.district,
    stance: doc.stance,
    flagged: doc.flagged,
    organization: String(doc.organization),
  };
}

/** Reads the whole queue's keys (one scan). */
type Scan = () => Promise<EntryKeys[]>;

async function load(generation: string, scan: Scan): Promise<void> {
  state.missed = [];
  try {
    const docs = await scan();
    state.entries = docs.map(indexedEntryOf).sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    state.byId = new Map(state.entries.map((entry) => [entry.id, entry]));
    state.generation = generation;
    for (const op of state.missed) apply(op);
  } finally {
    state.missed = null;
  }
}

/** Loads the index on first use, or again when a rebuild moved the generation. */
async function current(generation: string, scan: Scan): Promise<void> {
  if (state.generation === generation) return;
  state.loading ??= load(generation, scan).finally(() => {
    state.loading = null;
  });
  await state.loading;
}

function matches(entry: IndexedEntry, filter: IndexFilter): boolean {
  return (
    (filter.period === undefined || entry.period === filter.period) &&
    (filter.district === undefined || entry.district === filter.district) &&
    (filter.stance === undefined || entry.stance === filter.stance) &&
    (filter.flagged === undefined || entry.flagged === filter.flagged) &&
    (filter.organization === undefined || entry.organization === filter.organization)
  );
}

/** Up to `size` pending entries, oldest first, strictly after `after` (the keyset cursor). */
export async function pendingEntries(input: {
  filter: IndexFilter;
  after?: { createdAt: number; id: string };
  size: number;
  generation: string;
  scan: Scan;
}): Promise<IndexedEntry[]> {
  const { filter, after, size } = input;
  await current(input.generation, input.scan);
  const found: IndexedEntry[] = [];
  let i = after ? lowerBound(after) : 0;
  if (after && state.entries[i]?.id === after.id && state.entries[i]?.createdAt === after.createdAt) i++;
  for (; i < state.entries.length && found.length < size; i++) if (matches(state.entries[i]!, filter)) found.push(state.entries[i]!);
  return found;
}

/** Whether queue pages come from the in-process index (the embedded database) rather than the collection's indexes. */
export function queueIndexed(): boolean {
  return isFerretDB();
}
