import { ORGANIZATION_SCALE_2011 } from "../lib/scales";
import type { DemoOrganization } from "./organizations";
import type { Random } from "./random";

/** The story's 2011 figures: 728 TSVM (192 exemplary), 6 weak; the other 186 completed their tasks. */
export const RATING_COUNTS_2011: [string, number][] = [
  ["tsvm-tieu-bieu", 192],
  ["tsvm", 536],
  ["hoan-thanh-tot", 148],
  ["hoan-thanh", 38],
  ["yeu-kem", 6],
];

const SCALE_KEYS = ORGANIZATION_SCALE_2011.map((entry) => entry.key);

/** 2011 ratings in organization order; larger party committees lean towards the better ratings. */
export function assignRatings2011(orgs: DemoOrganization[], random: Random): string[] {
  const order = orgs
    .map((org, index) => ({ index, score: random.next() + (org.kind === "dang-bo-co-so" ? 0.25 : 0) }))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const ratings: string[] = new Array<string>(orgs.length);
  let cursor = 0;
  for (const [key, count] of RATING_COUNTS_2011) {
    for (let n = 0; n < count; n++) ratings[order[cursor++]!.index] = key;
  }
  return ratings;
}

/** The rating one step up (`up`) or down the scale, staying on the scale. */
function step(key: string, up: boolean): string {
  const at = SCALE_KEYS.indexOf(key);
  const next = up ? Math.max(0, at - 1) : Math.min(SCALE_KEYS.length - 1, at + 1);
  return SCALE_KEYS[next === at ? (up ? at + 1 : at - 1) : next]!;
}

/** About `share` of the ratings moved one step up or down (mostly up), so the 2012 trends show. */
export function moveRatings(ratings: string[], random: Random, share = 0.1): string[] {
  const moved = new Set(random.shuffle(ratings.map((_, i) => i)).slice(0, Math.round(ratings.length * share)));
  return ratings.map((key, i) => (moved.has(i) ? step(key, random.chance(0.6)) : key));
}

/** What a dissenting resident proposes: a step down from a good rating, a step up from a poor one. */
export function neighbourRating(key: string, random: Random): string {
  return step(key, SCALE_KEYS.indexOf(key) >= 3 ? random.chance(0.85) : random.chance(0.15));
}

/** Usual share of members in the top two categories for an organization with this rating. */
export const TOP_TWO_SHARE: Record<string, number> = {
  "tsvm-tieu-bieu": 0.95,
  tsvm: 0.91,
  "hoan-thanh-tot": 0.84,
  "hoan-thanh": 0.78,
  "yeu-kem": 0.62,
};

/** Usual share of members rated "vi-pham" for an organization with this rating. */
export const VIOLATION_SHARE: Record<string, number> = {
  "tsvm-tieu-bieu": 0.005,
  tsvm: 0.01,
  "hoan-thanh-tot": 0.02,
  "hoan-thanh": 0.035,
  "yeu-kem": 0.09,
};

export function ratingIndex(key: string): number {
  return SCALE_KEYS.indexOf(key);
}
