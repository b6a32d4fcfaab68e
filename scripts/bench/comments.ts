/** Residents' comments as the bench posts them: valid, distinct bodies, each from its own client address. */
import { pick } from "./http";

export interface CommentSource {
  runId: string;
  evaluations: string[];
  ratingKeys: string[];
}

const VIEWS = [
  ["agree", "Chi bộ sinh hoạt đều đặn, giải quyết việc của dân nhanh; xếp loại như vậy là đúng."],
  ["agree", "Tôi đồng ý với xếp loại này, cán bộ gần dân và công khai minh bạch."],
  ["neutral", "Tôi chưa đủ thông tin để nhận xét, mong được công khai thêm."],
  ["disagree", "Theo tôi xếp loại này cao hơn thực tế, nhiều việc của dân còn chậm."],
] as const;

/** The JSON body of comment number `n` of this run: the run id and `n` keep it unique (the token is for the stand-in verifier). */
export function commentJson(source: CommentSource, n: number): string {
  const [stance, text] = pick(VIEWS);
  const proposedRating = stance === "disagree" ? pick(source.ratingKeys) : undefined;
  return JSON.stringify({
    evaluation: pick(source.evaluations),
    stance,
    proposedRating,
    body: `${text} (bench ${source.runId}-${n})`,
    isResident: true,
    captchaToken: "bench",
  });
}

/**
 * A distinct private (10/8) address per comment: a campaign from many phones, so the per-address limit
 * never refuses one. `base` varies per run so reruns inside the limit's window start on fresh addresses.
 */
export function clientAddress(base: number, n: number): string {
  const value = (base + n) & 0xffffff;
  return `10.${value >>> 16}.${(value >>> 8) & 0xff}.${value & 0xff}`;
}

export function commentHeaders(base: string, address: string): Record<string, string> {
  return { "content-type": "application/json", origin: base, "x-forwarded-for": address, "accept-language": "vi" };
}
