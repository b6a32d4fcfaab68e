import enAdmin from "./en/admin.json";
import enAuth from "./en/auth.json";
import enCommon from "./en/common.json";
import enFeedback from "./en/feedback.json";
import enModeration from "./en/moderation.json";
import enOrganizations from "./en/organizations.json";
import enSummary from "./en/summary.json";
import viAdmin from "./vi/admin.json";
import viAuth from "./vi/auth.json";
import viCommon from "./vi/common.json";
import viFeedback from "./vi/feedback.json";
import viModeration from "./vi/moderation.json";
import viOrganizations from "./vi/organizations.json";
import viSummary from "./vi/summary.json";

/** Every string the app shows, per language and namespace; Vietnamese first. */
export const resources = {
  vi: { common: viCommon, organizations: viOrganizations, feedback: viFeedback, moderation: viModeration, auth: viAuth, summary: viSummary, admin: viAdmin },
  en: { common: enCommon, organizations: enOrganizations, feedback: enFeedback, moderation: enModeration, auth: enAuth, summary: enSummary, admin: enAdmin },
} as const;

export const LANGUAGES = ["vi", "en"] as const;
export type Language = (typeof LANGUAGES)[number];
export const NAMESPACES = Object.keys(resources.vi) as (keyof (typeof resources)["vi"])[];

export function isLanguage(value: unknown): value is Language {
  return value === "vi" || value === "en";
}
