import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicPages } from "~/utils/catalog.server";
import { publicOrigin } from "~/utils/public-url.server";
import { sitemapXml } from "~/utils/seo";

/** GET /sitemap.xml: every public page and every organization page, with hreflang alternates (ETag and 304 from server/http-cache.ts). */
export async function loader({ request }: LoaderFunctionArgs) {
  const xml = sitemapXml({ origin: publicOrigin(request), pages: await publicPages() });
  return new Response(xml, { headers: { "Content-Type": "application/xml; charset=utf-8" } });
}
