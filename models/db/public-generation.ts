let generation = 0;

/**
 * A count of changes to what anonymous visitors see (counters, ratings, published comments). The
 * server's page cache keeps a rendered page only while this number is unchanged.
 */
export function publicGeneration(): number {
  return generation;
}

/** Called after every write this process makes to public data, so no cached page outlives it. */
export function publicDataChanged(): void {
  generation += 1;
}
