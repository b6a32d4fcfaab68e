/**
 * The URLs `npm run scan` hands to wapiti, whose crawler alone stops at the home page: one URL per
 * route file in app/routes (parameters filled with real values from the demo) and a few pages of
 * each kind from sitemap.xml.
 */
import { readdirSync } from "node:fs";
import path from "node:path";

const ROUTES_DIR = path.resolve(import.meta.dirname, "../../app/routes");
const SITEMAP_PER_KIND = 3;

/** Real values for route parameters; a route whose parameter has none here is left out. */
export interface RouteValues {
  organization: string;
  period: string;
  trackingCode: string;
  feedbackId: string | null;
}

/** `admin.periods.$code.tsx` → `/admin/periods/:code` (Remix flat-route names). */
export function routePattern(file: string): string {
  const name = file.replace(/\.(tsx?|jsx?)$/, "");
  // Split at dots outside brackets: "[.]" is a literal dot (robots[.]txt).
  const segments = name
    .split(/\.(?![^[]*\])/)
    .map((segment) => segment.replace(/\[\.\]/g, ".").replace(/_$/, ""))
    .filter((segment) => segment !== "_index");
  return `/${segments.map((segment) => (segment.startsWith("$") ? `:${segment.slice(1)}` : segment)).join("/")}`;
}

/** The pattern with its parameters filled in, or null when there is no real value to put in (a splat, an invite token). */
export function fillPattern(pattern: string, values: RouteValues): string | null {
  let missing = false;
  const filled = pattern.replace(/:(\w*)/g, (_match, name: string) => {
    const value =
      name === "code"
        ? pattern.startsWith("/admin/periods")
          ? values.period
          : values.organization
        : name === "period"
          ? values.period
          : name === "trackingCode"
            ? values.trackingCode
            : name === "id" && pattern.includes("/feedback/")
              ? values.feedbackId
              : null;
    if (value === null) missing = true;
    return encodeURIComponent(value ?? "");
  });
  return missing ? null : filled;
}

export function routeUrls(base: string, values: RouteValues): string[] {
  const files = readdirSync(ROUTES_DIR).filter((file) => /\.(tsx?|jsx?)$/.test(file));
  return files.flatMap((file) => {
    const filled = fillPattern(routePattern(file), values);
    // Sign-out would end the scanner's session; it is excluded from the scan as well.
    return filled === null || filled === "/logout" ? [] : [`${base}${filled}`];
  });
}

/** A few URLs of each kind the sitemap lists (the same path with its last segment varying). */
export function sitemapUrls(base: string, xml: string): string[] {
  const kinds = new Map<string, string[]>();
  for (const [, loc = ""] of xml.matchAll(/<loc>([^<]+)<\/loc>/g)) {
    const url = new URL(loc);
    const kind = url.pathname.replace(/\/[^/]+$/, "/*");
    const list = kinds.get(kind) ?? [];
    if (list.length < SITEMAP_PER_KIND) list.push(`${base}${url.pathname}${url.search}`);
    kinds.set(kind, list);
  }
  return [...kinds.values()].flat();
}
