interface Entry {
  at: number;
  value: Promise<unknown>;
  /** A refresh in flight; the stale value is served meanwhile. */
  refreshing?: Promise<unknown>;
}
const entries = new Map<string, Entry>();

/**
 * In-process memo for public summary reads: FerretDB scans a collection for every query, so a page
 * viewed by many residents reads the counters (or aggregates the feedback) once per `maxAgeMs`.
 * Stale-while-revalidate: an entry older than `maxAgeMs` is still answered at once while one refresh
 * runs, so no visitor waits for a scan after the first; a value is at most `maxAgeMs` + one read old.
 * maxAgeMs 0 reads fresh (the committee, tests) and refreshes the entry.
 */
export function memo<T>(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (maxAgeMs > 0 && hit) {
    if (Date.now() - hit.at >= maxAgeMs && !hit.refreshing) refresh(key, hit, load);
    return hit.value as Promise<T>;
  }
  const value = load();
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  return value;
}

function refresh<T>(key: string, hit: Entry, load: () => Promise<T>): void {
  const next = load();
  hit.refreshing = next;
  next.then(
    () => entries.set(key, { at: Date.now(), value: next }),
    () => (hit.refreshing = undefined),
  );
}

/**
 * Forgets memoised counters so the next public read sees a decision at once (models/moderation/moderation.server.ts calls
 * it). Participation is left warm: it counts items received, which a decision does not change.
 */
export function forgetMemo(prefix = "counters:"): void {
  for (const key of entries.keys()) if (key.startsWith(prefix)) entries.delete(key);
}
