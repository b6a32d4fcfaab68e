import type { LoaderFunctionArgs } from "@remix-run/node";
import { publicOrigin } from "~/utils/public-url.server";
import { robotsTxt } from "~/utils/seo";

/** GET /robots.txt: public pages allowed, staff pages and secrets disallowed, the sitemap's address. */
export function loader({ request }: LoaderFunctionArgs) {
  return new Response(robotsTxt({ origin: publicOrigin(request) }), { headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
