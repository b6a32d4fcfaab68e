/** z for a two-sided 95% interval (the 0.975 quantile of the standard normal). */
export const Z95 = 1.959963984540054;

/** Published rates and bounds carry 4 decimals, the same in JSON, CSV and pages. */
export const RATE_DECIMALS = 4;

/** Pages state a rate only from this many sides taken; below it they say "not enough views yet". */
export const MIN_SIDES_FOR_RATE = 10;

export function roundRate(value: number): number {
  const factor = 10 ** RATE_DECIMALS;
  return Math.round(value * factor) / factor;
}

/** agree / (agree + disagree), unrounded; null when nobody took a side. */
export function agreementRate(agree: number, disagree: number): number | null {
  const n = agree + disagree;
  return n === 0 ? null : agree / n;
}

/**
 * 95% Wilson score interval for `agree` successes out of `agree + disagree` trials; null for n = 0.
 * Unlike p̂ ± z·se it stays inside [0, 1] and is honest for small n, which is why "lowest agreement"
 * lists sort by its upper bound: three angry comments give a wide interval, not a top place.
 */
export function wilsonInterval(agree: number, disagree: number, z = Z95): [number, number] | null {
  const n = agree + disagree;
  if (n === 0) return null;
  const p = agree / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const halfWidth = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  // At p̂ = 0 or 1 the bound is exactly 0 or 1; floating point would give 1e-17 or 0.9999999999999999.
  const low = agree === 0 ? 0 : Math.max(0, centre - halfWidth);
  const high = disagree === 0 ? 1 : Math.min(1, centre + halfWidth);
  return [low, high];
}

export interface Agreement {
  agreementRate: number | null;
  ci95: [number, number] | null;
}

/** Rate and interval rounded for publication. */
export function agreement(agree: number, disagree: number): Agreement {
  const rate = agreementRate(agree, disagree);
  const ci = wilsonInterval(agree, disagree);
  return {
    agreementRate: rate === null ? null : roundRate(rate),
    ci95: ci === null ? null : [roundRate(ci[0]), roundRate(ci[1])],
  };
}

/** Whether a page may state the rate (enough people took a side). */
export function enoughSides(agree: number, disagree: number): boolean {
  return agree + disagree >= MIN_SIDES_FOR_RATE;
}

/** The rate and interval a page may state (from MIN_SIDES_FOR_RATE sides taken), or null. */
export function statedAgreement(rate: Agreement, sides: number): { agreementRate: number; ci95: [number, number] } | null {
  return rate.agreementRate !== null && rate.ci95 !== null && sides >= MIN_SIDES_FOR_RATE
    ? { agreementRate: rate.agreementRate, ci95: rate.ci95 }
    : null;
}
