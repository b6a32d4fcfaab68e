import type { LinksFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useChangeLanguage } from "remix-i18next/react";
import { GeneralErrorBoundary } from "./components/error-boundary";
import { SiteFooter, SiteHeader } from "./components/site-chrome";
import stylesheet from "./styles/app.css";
import printStylesheet from "./styles/print.css";
import { localeCookie, requestLocale } from "./utils/i18n.server";
import { publicOrigin } from "./utils/public-url.server";
import { getOptionalUser } from "./utils/session.server";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesheet },
  { rel: "stylesheet", href: printStylesheet, media: "print" },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locale = await requestLocale(request);
  const user = await getOptionalUser(request);
  const headers = new Headers();
  // Remember an explicit ?lng choice so the next page keeps the language.
  if (new URL(request.url).searchParams.has("lng")) headers.append("Set-Cookie", await localeCookie.serialize(locale));
  return data(
    {
      locale,
      // For absolute links in every page's meta (canonical, hreflang, Open Graph).
      origin: publicOrigin(request),
      requestId: context.requestId,
      cspNonce: context.cspNonce,
      user: user ? { email: user.email, role: user.role, organization: user.organization ?? null } : null,
    },
    { headers },
  );
}

export type RootData = ReturnType<typeof useLoaderData<typeof loader>>;

export function Layout({ children }: { children: React.ReactNode }) {
  const root = useRouteLoaderData<typeof loader>("root");
  const { i18n } = useTranslation();
  const lang = root?.locale ?? i18n.language ?? "vi";
  return (
    <html lang={lang} dir="ltr">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <SiteHeader />
        <main id="main" tabIndex={-1}>
          {children}
        </main>
        <SiteFooter />
        <ScrollRestoration nonce={root?.cspNonce} />
        <Scripts nonce={root?.cspNonce} />
      </body>
    </html>
  );
}

export default function App() {
  const { locale } = useLoaderData<typeof loader>();
  useChangeLanguage(locale);
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
