/**
 * Moves integer values one step at a time, largest value first, until they sum to `target`,
 * keeping each within [lower, upper]. The demo's headline figures (51,126 members, 88.99% in the
 * top two categories) are exact, not approximately right.
 */
export function adjustToTotal(values: number[], target: number, lower: (i: number) => number, upper: (i: number) => number): number[] {
  const out = [...values];
  const order = out.map((_, i) => i).sort((a, b) => out[b]! - out[a]! || a - b);
  let diff = target - out.reduce((sum, v) => sum + v, 0);
  while (diff !== 0) {
    const step = Math.sign(diff);
    let moved = false;
    for (const i of order) {
      if (diff === 0) break;
      const next = out[i]! + step;
      if (next < lower(i) || next > upper(i)) continue;
      out[i] = next;
      diff -= step;
      moved = true;
    }
    if (!moved) throw new Error(`Cannot reach a total of ${target} within the bounds`);
  }
  return out;
}

/** Scales raw sizes to integers (each at least `min`) that sum exactly to `target`. */
export function scaleToTotal(raw: number[], target: number, min: number): number[] {
  const factor = target / raw.reduce((sum, v) => sum + v, 0);
  const scaled = raw.map((v) => Math.max(min, Math.round(v * factor)));
  return adjustToTotal(
    scaled,
    target,
    () => min,
    () => Number.MAX_SAFE_INTEGER,
  );
}
