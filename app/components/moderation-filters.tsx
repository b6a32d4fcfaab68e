import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface FilterValues {
  status: string;
  flagged?: boolean;
  district?: string;
  organization?: string;
  stance?: string;
  period?: string;
}

interface Options {
  values: FilterValues;
  districts: readonly string[];
  periods: readonly string[];
  statuses: readonly string[];
  stances: readonly string[];
}

/** GET form: filters live in the URL, so a filtered queue can be bookmarked and works without JavaScript. */
export function ModerationFilters({ values, districts, periods, statuses, stances }: Options) {
  const { t } = useTranslation("moderation");
  return (
    <Form method="get" className="filters moderation-filters" aria-label={t("filters.label")}>
      <div>
        <label htmlFor="f-status">{t("filters.status")}</label>
        <select id="f-status" name="status" defaultValue={values.status}>
          {statuses.map((status) => (
            <option key={status} value={status}>
              {t(`status.${status}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-district">{t("filters.district")}</label>
        <select id="f-district" name="district" defaultValue={values.district ?? ""}>
          <option value="">{t("filters.any")}</option>
          {districts.map((district) => (
            <option key={district}>{district}</option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-organization">{t("filters.organization")}</label>
        <input id="f-organization" name="organization" type="text" defaultValue={values.organization ?? ""} />
      </div>
      <div>
        <label htmlFor="f-stance">{t("filters.stance")}</label>
        <select id="f-stance" name="stance" defaultValue={values.stance ?? ""}>
          <option value="">{t("filters.any")}</option>
          {stances.map((stance) => (
            <option key={stance} value={stance}>
              {t(`common:stance.${stance}`)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="f-period">{t("filters.period")}</label>
        <select id="f-period" name="period" defaultValue={values.period ?? ""}>
          <option value="">{t("filters.any")}</option>
          {periods.map((period) => (
            <option key={period}>{period}</option>
          ))}
        </select>
      </div>
      <div className="checkbox">
        <input id="f-flagged" name="flagged" type="checkbox" value="1" defaultChecked={values.flagged} />
        <label htmlFor="f-flagged">{t("filters.flagged")}</label>
      </div>
      <div>
        <button type="submit">{t("filters.submit")}</button>
      </div>
    </Form>
  );
}
