import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";

export interface FilterValues {
  period?: string;
  district?: string;
  rating?: string;
  q?: string;
}

interface FilterOptions {
  periods: { code: string; title: LocalizedLabel }[];
  districts: readonly string[];
  ratingScale: { key: string; label: LocalizedLabel }[];
}

/** The list's filters as a plain GET form: bookmarkable, shareable and usable without JavaScript. */
export function OrganizationFilters({ values, options }: { values: FilterValues; options: FilterOptions }) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  return (
    <Form method="get" action="/organizations" className="filters catalog-filters" aria-labelledby="filters-title">
      <h2 id="filters-title" className="visually-hidden">
        {t("list.filtersTitle")}
      </h2>
      <div>
        <label htmlFor="filter-q">{t("list.search")}</label>
        <input id="filter-q" type="search" name="q" defaultValue={values.q ?? ""} maxLength={100} aria-describedby="filter-q-hint" />
        <p id="filter-q-hint" className="hint">
          {t("list.searchHint")}
        </p>
      </div>
      <div>
        <label htmlFor="filter-district">{t("list.district")}</label>
        <select id="filter-district" name="district" defaultValue={values.district ?? ""}>
          <option value="">{t("list.allDistricts")}</option>
          {options.districts.map((district) => (
            <option key={district} value={district}>
              {district}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-rating">{t("list.rating")}</label>
        <select id="filter-rating" name="rating" defaultValue={values.rating ?? ""}>
          <option value="">{t("list.allRatings")}</option>
          {options.ratingScale.map((entry) => (
            <option key={entry.key} value={entry.key}>
              {format.label(entry.label)}
            </option>
          ))}
        </select>
      </div>
      {options.periods.length > 1 ? (
        <div>
          <label htmlFor="filter-period">{t("list.period")}</label>
          <select id="filter-period" name="period" defaultValue={values.period ?? ""}>
            {options.periods.map((period) => (
              <option key={period.code} value={period.code}>
                {format.label(period.title)}
              </option>
            ))}
          </select>
        </div>
      ) : (
        <input type="hidden" name="period" value={values.period ?? ""} />
      )}
      <div className="filter-actions">
        <button type="submit">{t("list.submit")}</button>
        <Link to="/organizations">{t("list.reset")}</Link>
      </div>
    </Form>
  );
}
