/**
 * Format characters (Unicode Cf): zero-width spaces and joiners (U+200B–U+200D), direction marks, embeddings,
 * overrides and isolates (U+200E/F, U+202A–U+202E, U+2066–U+2069), word joiners and invisible operators
 * (U+2060–U+2064), the byte-order mark (U+FEFF), the soft hyphen. Invisible, so only good for hiding a
 * number or a word from a check, or for turning a page's text around.
 */
const FORMAT_CHARACTERS = /\p{Cf}/gu;

/** The text with every format character removed. */
export function withoutFormatCharacters(text: string): string {
  return text.replace(FORMAT_CHARACTERS, "");
}

/** Where other scripts' digits live (Arabic-Indic U+0660 onwards), skipping the Latin letters Vietnamese is written in. */
const MAYBE_OTHER_DIGITS = /[\u0660-\u1DFF\u1F00-\uFFFF]/;

/** Each decimal digit of any script ("٣", "๙"; fullwidth ones are already folded by NFKC) as its ASCII digit. */
function asciiDigits(text: string): string {
  // The \p{Nd} scan is slow per character; most texts have nothing it could find.
  if (!MAYBE_OTHER_DIGITS.test(text)) return text;
  return text.replace(/(?![0-9])\p{Nd}/gu, (digit) => {
    // Unicode assigns decimal digits only in runs of ten, 0 to 9, some runs back to back: count from the first.
    let start = digit.codePointAt(0)!;
    while (/\p{Nd}/u.test(String.fromCodePoint(start - 1))) start--;
    return String((digit.codePointAt(0)! - start) % 10);
  });
}

/** The last text matchForm was given and what it gave back. */
let lastMatched = { input: "", output: "" };

/**
 * What every check on residents' text matches on (personal data, word lists, duplicates): NFKC, so
 * fullwidth, circled and other compatibility forms are the plain letters and digits they stand for, no
 * format characters, every decimal digit in ASCII, and no combining mark hung on a digit.
 */
export function matchForm(text: string): string {
  // One text goes through several checks in a row, some of them given the match form itself (which it keeps).
  if (text === lastMatched.input || text === lastMatched.output) return lastMatched.output;
  const output = asciiDigits(withoutFormatCharacters(text).normalize("NFKC")).replace(/([0-9])\p{M}+/gu, "$1");
  lastMatched = { input: text, output };
  return output;
}

/** Lower case, no diacritics and `đ` as `d`, on the match form: the form every search field is stored and queried in. */
export function searchKey(text: string): string {
  return matchForm(text)
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

/** Escapes a user's text for use inside a regular expression, so it matches literally. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** URL-safe slug from a Vietnamese name. */
export function slugify(text: string): string {
  return searchKey(text)
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Trims and NFC-normalises user text without its format characters, as every stored body and name is. */
export function cleanText(text: string): string {
  return withoutFormatCharacters(text).normalize("NFC").trim();
}
