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

/** A labelled form field with its translated error, linked for screen readers. */
export function AdminField({ name, label, error, hint, children }: { name: string; label: string; error?: string; hint?: string; children: React.ReactNode }) {
  return (
    <div className="field">
      <label htmlFor={name}>{label}</label>
      {hint ? (
        <p className="hint" id={`${name}-hint`}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="field-error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

/** aria attributes that tie an input to its hint and error. */
export function describedBy(name: string, { error, hint }: { error?: string; hint?: boolean }) {
  const ids = [hint ? `${name}-hint` : "", error ? `${name}-error` : ""].filter(Boolean).join(" ");
  return { "aria-invalid": error ? true : undefined, "aria-describedby": ids || undefined };
}
