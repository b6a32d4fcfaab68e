import type { RejectReason, Stance } from "../feedback/feedback.server";
import { searchKey } from "../lib/text";
import { CLOSINGS, CONTEXTS, ENGLISH, EVIDENCE, OPENINGS, REJECTED_BODIES, TOO_HARSH } from "./feedback-fragments";
import type { OrgCategory } from "./names";
import type { Random } from "./random";

export interface BodyInput {
  stance: Stance;
  /** A dissent that finds the rating too harsh rather than too generous. */
  tooHarsh: boolean;
  category: OrgCategory;
  locale: "vi" | "en";
  /** Vietnamese label of the rating a dissenter proposes instead. */
  proposedLabel?: string;
  rejectReason?: RejectReason;
  /** Retry number: later attempts write longer comments, so a body unique to its evaluation is found. */
  attempt: number;
}

export interface Body {
  text: string;
  /** Typed in capitals: the moderation rules flag it as shouting. */
  shouting: boolean;
}

/** A proposal in the resident's words; "chỉ nên" asks for less, "phải được" for more. */
const PROPOSALS = {
  lower: ["Theo tôi chỉ nên xếp loại “%”.", "Nên xếp loại “%” mới đúng.", "Đề nghị xếp loại “%”."],
  higher: ["Theo tôi phải được xếp loại “%” mới xứng đáng.", "Nên xếp loại “%” mới đúng.", "Đề nghị xếp loại “%”."],
};

function evidence(input: BodyInput): string[] {
  const pool = EVIDENCE[input.category];
  if (input.stance === "agree") return pool.good;
  if (input.stance === "disagree") return input.tooHarsh ? TOO_HARSH : pool.bad;
  return [];
}

function vietnameseComment(input: BodyInput, random: Random): string {
  const size =
    input.attempt >= 3
      ? "long"
      : random.weighted([
          ["short", 30],
          ["medium", 45],
          ["long", 25],
        ] as const);
  const parts: string[] = [];
  if (size === "long" && random.chance(0.6)) parts.push(random.pick(CONTEXTS[input.category]));
  parts.push(random.pick(OPENINGS[input.stance]));
  const reasons = random.shuffle(evidence(input)).slice(0, size === "short" ? 0 : size === "medium" ? 1 : 2);
  parts.push(...reasons);
  if (input.proposedLabel) parts.push(random.pick(PROPOSALS[input.tooHarsh ? "higher" : "lower"]).replace("%", input.proposedLabel));
  if (size === "long" || random.chance(0.25)) parts.push(random.pick(CLOSINGS[input.stance]));
  if (input.attempt >= 6) parts.unshift(random.pick(CONTEXTS[input.category]));
  return parts.join(" ");
}

/** A comment as a resident might write it: mostly plain Vietnamese, now and then without diacritics or in capitals. */
export function composeBody(input: BodyInput, random: Random): Body {
  const reason = input.rejectReason;
  if (reason && reason !== "duplicate" && input.attempt < 3) return { text: random.pick(REJECTED_BODIES[reason]), shouting: false };
  if (input.locale === "en" && input.attempt < 4) {
    const english = random.shuffle(ENGLISH[input.stance]).slice(0, input.attempt >= 2 ? 2 : random.int(1, 2));
    return { text: english.join(" "), shouting: false };
  }
  const text = vietnameseComment(input, random).normalize("NFC");
  const style = random.next();
  if (style < 0.04) return { text: searchKey(text), shouting: false };
  if (style < 0.055) return { text: text.toUpperCase(), shouting: true };
  return { text, shouting: false };
}
