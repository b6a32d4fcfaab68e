import type { MetaArgs, MetaDescriptor } from "@remix-run/react";
import { isRouteErrorResponse } from "@remix-run/react";
import { isLanguage, LANGUAGES } from "../../locales/languages";
import { isPrivatePath, languageAlternates, localizedUrl, OG_IMAGE, OG_LOCALES } from "~/utils/seo";

const SITE_NAME = "Công Khai";

function textOf(source: unknown, key: "title" | "description"): string | undefined {
  if (source && typeof source === "object" && key in source) {
    const value = (source as Record<string, unknown>)[key];
    if (typeof value === "string") return value;
  }
  return undefined;
}

/** The root loader's origin (PUBLIC_URL or the request's) and language, which every page's links need. */
function rootOf(matches: MetaArgs["matches"]): { origin: string; lang: "vi" | "en" } | null {
  const data = matches.find((match) => match.id === "root")?.data as { origin?: unknown; locale?: unknown } | undefined;
  if (typeof data?.origin !== "string") return null;
  return { origin: data.origin, lang: isLanguage(data.locale) ? data.locale : "vi" };
}

/** Description, Open Graph, canonical URL in the page's language and its hreflang alternates. */
function sharingTags({
  title,
  description,
  origin,
  lang,
  location,
}: {
  title: string;
  description?: string;
  origin: string;
  lang: "vi" | "en";
  location: MetaArgs["location"];
}): MetaDescriptor[] {
  const page = { origin, path: location.pathname, search: location.search };
  const canonical = localizedUrl({ ...page, lng: lang });
  return [
    ...(description
      ? [
          { name: "description", content: description },
          { property: "og:description", content: description },
        ]
      : []),
    { property: "og:site_name", content: SITE_NAME },
    { property: "og:title", content: title },
    { property: "og:type", content: "website" },
    { property: "og:url", content: canonical },
    { property: "og:locale", content: OG_LOCALES[lang] },
    ...LANGUAGES.filter((other) => other !== lang).map((other) => ({ property: "og:locale:alternate", content: OG_LOCALES[other] })),
    { property: "og:image", content: `${origin}${OG_IMAGE.path}` },
    { property: "og:image:width", content: String(OG_IMAGE.width) },
    { property: "og:image:height", content: String(OG_IMAGE.height) },
    { property: "og:image:alt", content: SITE_NAME },
    { name: "twitter:card", content: "summary_large_image" },
    { tagName: "link", rel: "canonical", href: canonical },
    ...languageAlternates(page).map((alternate) => ({
      tagName: "link",
      rel: "alternate",
      hrefLang: alternate.hreflang,
      href: alternate.href,
    })),
  ];
}

/**
 * A page's `<title>` from the loader's translated `title` (or the `title` a thrown error page carries, see
 * pageError, so 404 and 400 pages are titled in the visitor's language too), and for pages that load, the
 * sharing and search tags: the loader's `description`, Open Graph, canonical and hreflang links.
 * `override` is for loaders that name their title differently.
 */
export function pageTitle(
  { data, error, matches, location }: MetaArgs,
  override: { title?: string; description?: string } = {},
): MetaDescriptor[] {
  const title =
    override.title ?? textOf(data, "title") ?? (isRouteErrorResponse(error) ? textOf(error.data, "title") : undefined) ?? SITE_NAME;
  const root = rootOf(matches ?? []);
  // Error pages, staff pages and tracking codes are nothing to share or index.
  if (error || isPrivatePath(location.pathname)) return [{ title }, { name: "robots", content: "noindex" }];
  if (!data || !root) return [{ title }];
  return [{ title }, ...sharingTags({ title, description: override.description ?? textOf(data, "description"), ...root, location })];
}
