import { adjustToTotal } from "./apportion";
import type { Random } from "./random";
import { TOP_TWO_SHARE, VIOLATION_SHARE } from "./ratings";

/** "đảng viên đủ tư cách hoàn thành tốt nhiệm vụ trở lên chiếm tỉ lệ 88,99%". */
export const TOP_TWO_SHARE_2011 = 0.8899;
/** The demo's 2012: a modest improvement, so the member trend shows too. */
export const TOP_TWO_SHARE_2012 = 0.8942;

/** Share of the top two that is "xuất sắc" rather than "tốt". */
const EXCELLENT_SHARE: Record<string, number> = {
  "tsvm-tieu-bieu": 0.3,
  tsvm: 0.22,
  "hoan-thanh-tot": 0.15,
  "hoan-thanh": 0.1,
  "yeu-kem": 0.05,
};

export interface MemberCount {
  key: string;
  count: number;
}

function jitter(random: Random, spread: number): number {
  return (random.next() * 2 - 1) * spread;
}

/**
 * Member-quality counts per organization over the 2011 member scale. With `topTwoShare` the
 * top two categories together hold exactly that share of all members (rounded to a member).
 */
export function buildMemberCounts(members: number[], ratings: string[], random: Random, topTwoShare?: number): MemberCount[][] {
  let top = members.map((m, i) => Math.min(m, Math.max(0, Math.round(m * (TOP_TWO_SHARE[ratings[i]!]! + jitter(random, 0.04))))));
  if (topTwoShare !== undefined) {
    const total = members.reduce((sum, m) => sum + m, 0);
    top = adjustToTotal(
      top,
      Math.round(total * topTwoShare),
      () => 0,
      (i) => members[i]!,
    );
  }
  return members.map((m, i) => {
    const rating = ratings[i]!;
    const excellent = Math.round(top[i]! * (EXCELLENT_SHARE[rating]! + jitter(random, 0.05)));
    const rest = m - top[i]!;
    const violations = Math.min(rest, Math.round(m * VIOLATION_SHARE[rating]! * (0.5 + random.next())));
    return [
      { key: "xuat-sac", count: excellent },
      { key: "tot", count: top[i]! - excellent },
      { key: "hoan-thanh", count: rest - violations },
      { key: "vi-pham", count: violations },
    ];
  });
}
