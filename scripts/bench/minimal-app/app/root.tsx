import type { MetaFunction } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

/** The document's character set and viewport, as route meta: the only tags the page needs. */
export const meta: MetaFunction = () => [{ charSet: "utf-8" }, { name: "viewport", content: "width=device-width, initial-scale=1" }];

/** The smallest document a real Remix page has: head, the route, the client scripts. */
export default function App() {
  return (
    <html lang="vi">
      <head>
        <Meta />
        <Links />
      </head>
      <body>
        <Outlet />
        <Scripts />
      </body>
    </html>
  );
}
