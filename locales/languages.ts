export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];

/** Namespaces, one JSON file each per language (tests/unit/i18n-keys.test.ts checks both languages have them all). */
export const NAMESPACES = ["common", "organizations", "feedback", "moderation", "auth", "summary", "admin", "reviews", "replies"] as const;

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}
