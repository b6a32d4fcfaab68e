// Browser-safe (route meta functions run in the browser too): the site's addresses in each language.

import { LANGUAGES, type Language } from "../../locales/languages";

/** Open Graph locales: Vietnamese as used in Vietnam, English in the British spelling the texts use. */
export const OG_LOCALES: Record<Language, string> = { vi: "vi_VN", en: "en_GB" };

/** The sharing image in public/ (1200×630). */
export const OG_IMAGE = { path: "/og-image.png", width: 1200, height: 630 };

/** A page's absolute URL in `lng`, or without `?lng` (the visitor's own language) when `lng` is omitted; other parameters kept. */
export function localizedUrl({
  origin,
  path,
  search = "",
  lng,
}: {
  origin: string;
  path: string;
  search?: string;
  lng?: Language;
}): string {
  const params = new URLSearchParams(search);
  params.delete("lng");
  if (lng) params.set("lng", lng);
  const query = params.toString();
  return `${origin}${path}${query ? `?${query}` : ""}`;
}

export interface LanguageAlternate {
  hreflang: Language | "x-default";
  href: string;
}

/** The `hreflang` set of a page: one URL per language, and x-default where the visitor's language decides. */
export function languageAlternates(page: { origin: string; path: string; search?: string }): LanguageAlternate[] {
  return [
    ...LANGUAGES.map((lng) => ({ hreflang: lng, href: localizedUrl({ ...page, lng }) })),
    { hreflang: "x-default", href: localizedUrl(page) },
  ];
}

function xmlEscape(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** sitemap.xml: one `<url>` per page (its x-default address), each listing its language alternates. */
export function sitemapXml({ origin, pages }: { origin: string; pages: { path: string; search: string }[] }): string {
  const urls = pages.map((page) => {
    const alternates = languageAlternates({ origin, ...page });
    const links = alternates.map((a) => `<xhtml:link rel="alternate" hreflang="${a.hreflang}" href="${xmlEscape(a.href)}"/>`).join("");
    return `<url><loc>${xmlEscape(localizedUrl({ origin, ...page }))}</loc>${links}</url>`;
  });
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">',
    ...urls,
    "</urlset>",
    "",
  ].join("\n");
}

/** Staff pages, sign-in and secrets (tracking codes) are not for search engines. */
const PRIVATE_PATHS = [
  "/admin",
  "/moderation",
  "/committee",
  "/login",
  "/logout",
  "/invite",
  "/feedback/",
  "/api/v1/moderation",
  "/api/v1/feedback/",
];

/** Whether robots.txt keeps `path` out: such pages get no sharing tags and a noindex. */
export function isPrivatePath(path: string): boolean {
  return PRIVATE_PATHS.some((prefix) => path === prefix || path.startsWith(prefix.endsWith("/") ? prefix : `${prefix}/`));
}

/** robots.txt: public pages allowed, private ones not, and where the sitemap is. */
export function robotsTxt({ origin }: { origin: string }): string {
  return ["User-agent: *", "Allow: /", ...PRIVATE_PATHS.map((path) => `Disallow: ${path}`), "", `Sitemap: ${origin}/sitemap.xml`, ""].join(
    "\n",
  );
}
