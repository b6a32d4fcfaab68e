interface Entry {
  at: number;
  value: Promise<unknown>;
}
const entries = new Map<string, Entry>();

/**
 * In-process memo for public summary reads: FerretDB scans a collection for every query, so a page
 * viewed by many residents at once reads the counters once per `maxAgeMs`. maxAgeMs 0 reads fresh (the
 * committee, tests) and refreshes the entry. Concurrent callers share one in-flight read.
 */
export function memo<T>(key: string, maxAgeMs: number, load: () => Promise<T>): Promise<T> {
  const hit = entries.get(key);
  if (maxAgeMs > 0 && hit && Date.now() - hit.at < maxAgeMs) return hit.value as Promise<T>;
  const value = load();
  entries.set(key, { at: Date.now(), value });
  value.catch(() => entries.delete(key));
  return value;
}

/** Forgets every memoised read (after a recount repaired counters). */
export function forgetMemo(): void {
  entries.clear();
}
