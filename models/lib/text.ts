/** Lower case, NFC, no diacritics and `đ` as `d`: the form every search field is stored and queried in. */
export function searchKey(text: string): string {
  return text
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

/** Trims and NFC-normalises user text, as every stored body and name is. */
export function cleanText(text: string): string {
  return text.normalize("NFC").trim();
}
