import { Form, Link, NavLink, useLocation, useRouteLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface RootUser {
  user: { email: string; role: "moderator" | "committee" | "admin" | "organization"; organization?: string | null } | null;
}

/** Link to the same page in another language; works without JavaScript. */
function languageHref(search: string, pathname: string, lng: string): string {
  const params = new URLSearchParams(search);
  params.set("lng", lng);
  return `${pathname}?${params.toString()}`;
}

export function SiteHeader() {
  const { t, i18n } = useTranslation();
  const location = useLocation();
  const root = useRouteLoaderData<RootUser>("root");
  const user = root?.user ?? null;
  const other = i18n.language === "en" ? "vi" : "en";
  return (
    <header className="site-header">
      <a className="skip-link" href="#main">
        {t("nav.skip")}
      </a>
      <div className="brand">
        <Link to="/">{t("app.name")}</Link>
        <span className="tagline">{t("app.tagline")}</span>
      </div>
      <nav aria-label={t("nav.main")}>
        <ul>
          <li>
            <NavLink to="/organizations">{t("nav.organizations")}</NavLink>
          </li>
          <li>
            <NavLink to="/summary">{t("nav.summary")}</NavLink>
          </li>
          {user && (user.role === "moderator" || user.role === "admin") ? (
            <li>
              <NavLink to="/moderation">{t("nav.moderation")}</NavLink>
            </li>
          ) : null}
          {user && (user.role === "committee" || user.role === "admin") ? (
            <>
              <li>
                <NavLink to="/committee">{t("nav.committee")}</NavLink>
              </li>
              <li>
                <NavLink to="/moderation/stats">{t("nav.moderationStats")}</NavLink>
              </li>
            </>
          ) : null}
          {user?.role === "admin" ? (
            <li>
              <NavLink to="/admin">{t("nav.admin")}</NavLink>
            </li>
          ) : null}
          {user?.role === "organization" && user.organization ? (
            <li>
              <NavLink to={`/organizations/${encodeURIComponent(user.organization)}`}>{t("replies:nav")}</NavLink>
            </li>
          ) : null}
          <li>
            <a href={languageHref(location.search, location.pathname, other)} hrefLang={other} lang={other}>
              {t(`language.${other}`)}
            </a>
          </li>
          <li>
            {user ? (
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            ) : (
              <NavLink to="/login">{t("nav.login")}</NavLink>
            )}
          </li>
        </ul>
      </nav>
    </header>
  );
}

export function SiteFooter() {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <p>{t("footer.note")}</p>
      <p>
        <a href="/api/v1/openapi.json">{t("footer.openData")}</a>
      </p>
    </footer>
  );
}
