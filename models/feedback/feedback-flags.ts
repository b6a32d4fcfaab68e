import { matchForm, searchKey } from "../lib/text";
import type { WordEntry } from "./word-list.server";

/** One reason a moderator should look twice; items are flagged, never dropped. */
export interface Flag {
  kind: "banned-word" | "suspect-word" | "link" | "phone" | "email" | "id-number" | "burst" | "shouting" | "repeated-chars";
  detail: string;
}

/** What the intake checks look at: the resident's text (name and body) and what the database knows. */
export interface IntakeContext {
  text: string;
  words: readonly WordEntry[];
  /** Items on the same organization in the burst window whose text is similar to this one. */
  similarRecent: number;
}

export const MASK = "•••";
/** This many similar items (this one included) on one organization within BURST_WINDOW_MS is a campaign signal. */
export const BURST_THRESHOLD = 5;
export const BURST_WINDOW_MS = 10 * 60_000;

// Vietnamese phones: 0 or +84/84, then a mobile (3/5/7/8/9 + 8 digits) or landline (2 + 9 digits), spaces/dots/dashes allowed.
const PHONE = /(?<![\p{N}+])(?:\+?84|0)[\s.-]?[235789](?:[\s.-]?\d){8,9}(?![\p{N}])/gu;
// ID numbers: 9 digits (CMND) or 12 (CCCD), whole or in space-separated threes (dots would be money: "100.000.000 đồng").
const ID_NUMBER = /(?<![\p{N}])(?:\d{12}|\d{3}(?: \d{3}){3}|\d{9}|\d{3}(?: \d{3}){2})(?![\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu;
const LINK =
  /(?:https?:\/\/|www\.)[^\s<>"]+|(?<![\p{L}\p{N}@.-])[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|net|org|vn|info|io|me|xyz|ly|gl|co|biz|top)(?![\p{L}\p{N}-])(?:\/[^\s<>"]*)?/giu;

/**
 * What the public and moderators see of a text: its match form (no hidden characters, fullwidth and other
 * look-alike digits plain), with e-mail addresses, phone numbers and ID numbers replaced with •••.
 */
export function maskPersonalData(text: string): string {
  return matchForm(text).replace(EMAIL, MASK).replace(PHONE, MASK).replace(ID_NUMBER, MASK);
}

function digitsOf(match: string): string {
  return match.replace(/\D/g, "");
}

/** Enough of a number for a moderator to recognise it, not to call it. */
function maskedDetail(digits: string): string {
  return `${digits.slice(0, 3)}${MASK}${digits.slice(-2)}`;
}

function unique(flags: Flag[]): Flag[] {
  const seen = new Set<string>();
  return flags.filter((flag) => {
    const key = `${flag.kind}:${flag.detail}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

interface Token {
  exact: string;
  key: string;
  /** Typed without diacritics, so it may stand for any accented word with the same key. */
  plain: boolean;
}

function tokens(text: string): Token[] {
  return matchForm(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
    .map((exact) => {
      const key = searchKey(exact);
      return { exact, key, plain: exact === key };
    });
}

/**
 * A token matches a listed word when it is the same word, or when it was typed without
 * diacritics and strips to the same letters ("dit" for "địt"). An accented token never matches
 * another accented word ("lớn" is not "lồn").
 */
function tokenMatches(token: Token, exact: string, key: string): boolean {
  return token.exact === exact || (token.plain && token.key === key);
}

function phraseAt(text: Token[], at: number, phrase: Token[]): boolean {
  return phrase.every((word, j) => {
    const token = text[at + j];
    return token !== undefined && tokenMatches(token, word.exact, word.key);
  });
}

/** The listed words' tokens, worked out once per word rather than once per comment. */
const phraseTokens = new Map<string, Token[]>();

function phraseOf(word: string): Token[] {
  let phrase = phraseTokens.get(word);
  if (!phrase) phraseTokens.set(word, (phrase = tokens(word)));
  return phrase;
}

/** Banned and suspect words and phrases, Vietnamese or English, with or without diacritics. */
export function wordFlags({ text, words }: IntakeContext): Flag[] {
  const found = tokens(text);
  const flags: Flag[] = [];
  for (const entry of words) {
    const phrase = phraseOf(entry.word);
    if (phrase.length === 0) continue;
    for (let at = 0; at + phrase.length <= found.length; at++) {
      if (!phraseAt(found, at, phrase)) continue;
      flags.push({ kind: entry.list === "banned" ? "banned-word" : "suspect-word", detail: entry.word });
      break;
    }
  }
  return flags;
}

/** Links of any kind: bare domains too, since "congkhai-that.vn" works as well as a URL. E-mails are not links. */
export function linkFlags({ text }: IntakeContext): Flag[] {
  const withoutEmails = text.replace(EMAIL, " ");
  return unique([...withoutEmails.matchAll(LINK)].map((match) => ({ kind: "link", detail: match[0].slice(0, 80) })));
}

/** Phone numbers, e-mail addresses and ID numbers: flagged here, masked wherever the text is shown. */
export function personalDataFlags({ text }: IntakeContext): Flag[] {
  const emails = [...text.matchAll(EMAIL)].map(
    (m): Flag => ({ kind: "email", detail: `${m[0].slice(0, 1)}${MASK}${m[0].slice(m[0].indexOf("@"))}` }),
  );
  const rest = text.replace(EMAIL, " ");
  const phones = [...rest.matchAll(PHONE)].map((m): Flag => ({ kind: "phone", detail: maskedDetail(digitsOf(m[0])) }));
  const ids = [...rest.replace(PHONE, " ").matchAll(ID_NUMBER)].map(
    (m): Flag => ({ kind: "id-number", detail: maskedDetail(digitsOf(m[0])) }),
  );
  return unique([...emails, ...phones, ...ids]);
}

/** Many similar items on one organization in a few minutes: a coordinated campaign, for a moderator to judge. */
export function burstFlags({ similarRecent }: IntakeContext): Flag[] {
  const total = similarRecent + 1;
  return total >= BURST_THRESHOLD ? [{ kind: "burst", detail: String(total) }] : [];
}

/** Mostly capital letters over a text long enough for it to mean shouting. */
export function shoutingFlags({ text }: IntakeContext): Flag[] {
  const letters = [...text].filter((ch) => /\p{L}/u.test(ch));
  if (letters.length < 20) return [];
  const upper = letters.filter((ch) => ch !== ch.toLowerCase()).length;
  const share = upper / letters.length;
  return share >= 0.7 ? [{ kind: "shouting", detail: `${Math.round(share * 100)}%` }] : [];
}

/** The same character six or more times in a row ("!!!!!!", "quáaaaaaa"). */
export function repeatedCharFlags({ text }: IntakeContext): Flag[] {
  const match = /(\S)\1{5,}/u.exec(text.normalize("NFC"));
  return match ? [{ kind: "repeated-chars", detail: match[0].slice(0, 20) }] : [];
}

/** The intake checks, in the order a moderator reads their flags. */
export const INTAKE_CHECKS: readonly ((context: IntakeContext) => Flag[])[] = [
  wordFlags,
  linkFlags,
  personalDataFlags,
  burstFlags,
  shoutingFlags,
  repeatedCharFlags,
];

/** Every check sees the match form, so a zero-width space or a fullwidth digit hides nothing. */
export function intakeFlags(context: IntakeContext): Flag[] {
  const matched = { ...context, text: matchForm(context.text) };
  return INTAKE_CHECKS.flatMap((check) => check(matched));
}

/** Distinct words of two letters or more, diacritics and case aside. */
export function wordSet(text: string): Set<string> {
  return new Set(
    searchKey(text)
      .split(/[^a-z0-9]+/)
      .filter((w) => w.length > 1),
  );
}

/** Texts whose normalised forms open with this many identical characters are similar. */
export const SAME_OPENING = 40;

/** Mostly the same words: shared / all distinct ≥ 0.6 (Jaccard). */
export function mostlySameWords(wa: ReadonlySet<string>, wb: ReadonlySet<string>): boolean {
  if (wa.size === 0 || wb.size === 0) return false;
  let shared = 0;
  for (const w of wa) if (wb.has(w)) shared++;
  return shared / (wa.size + wb.size - shared) >= 0.6;
}

/** Near-identical texts: the same opening once diacritics and case are stripped, or mostly the same words (Jaccard ≥ 0.6). */
export function similarText(a: string, b: string): boolean {
  const ka = searchKey(a);
  const kb = searchKey(b);
  if (ka === kb || (ka.length >= SAME_OPENING && ka.slice(0, SAME_OPENING) === kb.slice(0, SAME_OPENING))) return true;
  return mostlySameWords(wordSet(a), wordSet(b));
}
