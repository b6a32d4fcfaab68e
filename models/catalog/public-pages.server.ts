import { catalogSnapshot } from "./catalog-cache.server";
import { defaultPeriod } from "./catalog.server";

/** A public page's address: a path and its query string ("" or "period=2011"). */
export interface PublicPage {
  path: string;
  search: string;
}

const PERIOD_PAGES = ["/", "/organizations", "/summary"];

/**
 * Every page a search engine may list, from the catalog in memory (no database query): home, the list and
 * the summary, the same for each published period other than the default one, and every organization
 * page except those merged into another (they redirect), in code order.
 */
export async function publicPages(): Promise<PublicPage[]> {
  const snapshot = await catalogSnapshot();
  const fallback = defaultPeriod(snapshot.periods)?.code;
  const periods = snapshot.periods.filter((p) => p.code !== fallback);
  const organizations = [...snapshot.organizations.values()]
    .filter((org) => !org.mergedInto)
    .map((org) => org.code)
    .sort();
  return [
    ...PERIOD_PAGES.map((path) => ({ path, search: "" })),
    ...periods.flatMap((p) => PERIOD_PAGES.map((path) => ({ path, search: new URLSearchParams({ period: p.code }).toString() }))),
    ...organizations.map((code) => ({ path: `/organizations/${encodeURIComponent(code)}`, search: "" })),
  ];
}
