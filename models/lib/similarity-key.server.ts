import { createHash } from "node:crypto";
import { mostlySameWords, SAME_OPENING, wordSet } from "../feedback/feedback-flags";
import { searchKey } from "./text";

/** Each distinct word becomes 4 base-36 characters: 1.7 million values, so two texts' words rarely meet by chance. */
const WORD_CODE_LENGTH = 4;
const WORD_CODE_SPACE = 36 ** WORD_CODE_LENGTH;

function digest(text: string, length: number): string {
  return createHash("sha256").update(text).digest("base64url").slice(0, length);
}

/** FNV-1a: fast and well spread, enough to tell words apart within two comments. */
function wordCode(word: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 0x01000193);
  return ((hash >>> 0) % WORD_CODE_SPACE).toString(36).padStart(WORD_CODE_LENGTH, "0");
}

function wordCodes(packed: string): Set<string> {
  const codes = new Set<string>();
  for (let at = 0; at < packed.length; at += WORD_CODE_LENGTH) codes.add(packed.slice(at, at + WORD_CODE_LENGTH));
  return codes;
}

/**
 * What `similarText` compares, kept short so intake can remember recent texts without storing or
 * re-reading them: a digest of the whole normalised text, one of its opening (when long enough),
 * and a 4-character code per distinct word. `similarKeys` on two keys answers as `similarText` on the texts.
 */
export function similarityKey(text: string): string {
  const key = searchKey(text);
  const opening = key.length >= SAME_OPENING ? digest(key.slice(0, SAME_OPENING), 10) : "";
  const words = [...new Set([...wordSet(text)].map(wordCode))].sort().join("");
  return `${digest(key, 12)}|${opening}|${words}`;
}

/** `similarText` over two similarity keys: the same text, the same opening, or mostly the same words. */
export function similarKeys(a: string, b: string): boolean {
  const [wholeA = "", openingA = "", wordsA = ""] = a.split("|");
  const [wholeB = "", openingB = "", wordsB = ""] = b.split("|");
  if (wholeA === wholeB || (openingA !== "" && openingA === openingB)) return true;
  return mostlySameWords(wordCodes(wordsA), wordCodes(wordsB));
}
