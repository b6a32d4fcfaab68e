import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Sub-navigation of the moderation area; committees see only the statistics. */
export function ModerationNav({ role }: { role: string }) {
  const { t } = useTranslation("moderation");
  return (
    <nav aria-label={t("nav.label")} className="moderation-nav">
      <ul>
        {role !== "committee" ? (
          <li>
            <NavLink to="/moderation" end>
              {t("nav.queue")}
            </NavLink>
          </li>
        ) : null}
        {role !== "committee" ? (
          <li>
            <NavLink to="/moderation/audit">{t("nav.audit")}</NavLink>
          </li>
        ) : null}
        {role !== "committee" ? (
          <li>
            <NavLink to="/moderation/replies">{t("replies:moderation.title")}</NavLink>
          </li>
        ) : null}
        <li>
          <NavLink to="/moderation/stats">{t("nav.stats")}</NavLink>
        </li>
      </ul>
    </nav>
  );
}

/** A reason-category select; the list comes from the loader (models stay on the server). */
export function ReasonSelect({
  id,
  reasons,
  name = "reason",
  required = true,
  form,
}: {
  id: string;
  reasons: readonly string[];
  name?: string;
  required?: boolean;
  form?: string;
}) {
  const { t } = useTranslation("moderation");
  return (
    <>
      <label htmlFor={id}>{t("reason.label")}</label>
      <select id={id} name={name} required={required} defaultValue="" form={form}>
        <option value="">{t("reason.choose")}</option>
        {reasons.map((reason) => (
          <option key={reason} value={reason}>
            {t(`reasons.${reason}`)}
          </option>
        ))}
      </select>
    </>
  );
}
