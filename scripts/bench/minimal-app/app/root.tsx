import { Links, Meta, Outlet, Scripts } from "@remix-run/react";

/** The smallest document a real Remix page has: head, the route, the client scripts. */
export default function App() {
  return (
    <html lang="vi">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
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
