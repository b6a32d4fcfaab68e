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

type SiteUser = NonNullable<RootUser["user"]>;

/** Staff areas in the main navigation, each with the roles that may enter it. */
const STAFF_LINKS: { to: string; label: string; roles: SiteUser["role"][] }[] = [
  { to: "/moderation", label: "nav.moderation", roles: ["moderator", "admin"] },
  { to: "/committee", label: "nav.committee", roles: ["committee", "admin"] },
  { to: "/moderation/stats", label: "nav.moderationStats", roles: ["committee", "admin"] },
  { to: "/admin", label: "nav.admin", roles: ["admin"] },
];

/** The main navigation's links for this visitor: the public pages, the staff areas their role opens, an organization's own page. */
function navLinks(user: SiteUser | null): { to: string; label: string }[] {
  const links = [
    { to: "/organizations", label: "nav.organizations" },
    { to: "/summary", label: "nav.summary" },
    ...STAFF_LINKS.filter((link) => user && link.roles.includes(user.role)),
  ];
  if (user?.role === "organization" && user.organization) {
    links.push({ to: `/organizations/${encodeURIComponent(user.organization)}`, label: "replies:nav" });
  }
  return links;
}

/** Sign in, or sign out through a POST form (a plain link could sign anyone out from another site). */
function SessionLink({ signedIn }: { signedIn: boolean }) {
  const { t } = useTranslation();
  if (!signedIn) return <NavLink to="/login">{t("nav.login")}</NavLink>;
  return (
    <Form method="post" action="/logout">
      <button type="submit" className="link-button">
        {t("nav.logout")}
      </button>
    </Form>
  );
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
          {navLinks(user).map((link) => (
            <li key={link.to}>
              <NavLink to={link.to}>{t(link.label)}</NavLink>
            </li>
          ))}
          <li>
            <a href={languageHref(location.search, location.pathname, other)} hrefLang={other} lang={other}>
              {t(`language.${other}`)}
            </a>
          </li>
          <li>
            <SessionLink signedIn={user !== null} />
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
