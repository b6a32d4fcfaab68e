// Pure and browser-safe: staff list loaders in app/components build their titles with it too.
import type { TFunction } from "i18next";

/** A page's `<title>` text: its translated heading, then the site's name (read by pageTitle() in the meta). */
export function titled(t: TFunction, heading: string): string {
  return `${heading} — ${t("common:app.name")}`;
}
