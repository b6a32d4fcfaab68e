// Pure arithmetic for pages, usable in the browser (unlike *.server modules, which the browser bundle empties).

/** Share of `part` in `whole` as a fraction (0 when there is nothing to share). */
export function share(part: number, whole: number): number {
  return whole > 0 ? part / whole : 0;
}

/** Sum of the first `n` counts: "rated in the top two" and "members in the top two categories". */
export function topCount(counts: { count: number }[], n = 2): number {
  return counts.slice(0, n).reduce((sum, entry) => sum + entry.count, 0);
}
