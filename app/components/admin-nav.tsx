import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

const SECTIONS = ["periods", "organizations", "import", "users", "words", "reports"] as const;

/** The admin area's own navigation, shown above each admin page. */
export function AdminNav() {
  const { t } = useTranslation("admin");
  return (
    <nav aria-label={t("nav.label")} className="admin-nav">
      <ul>
        <li>
          <NavLink to="/admin" end>
            {t("nav.home")}
          </NavLink>
        </li>
        {SECTIONS.map((section) => (
          <li key={section}>
            <NavLink to={`/admin/${section}`}>{t(`nav.${section}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
