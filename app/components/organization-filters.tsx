import { Form, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { FilterSelects, plainChoices } from "./filter-selects";
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
  const district = { label: t("list.district"), all: t("list.allDistricts"), options: plainChoices(options.districts) };
  const rating = {
    label: t("list.rating"),
    all: t("list.allRatings"),
    options: options.ratingScale.map((r) => ({ value: r.key, label: format.label(r.label) })),
  };
  const period = { label: t("list.period"), options: options.periods.map((p) => ({ value: p.code, label: format.label(p.title) })) };
  // With one period there is nothing to choose: the form keeps it in the URL all the same.
  const periodChoice = options.periods.length > 1;
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
      <FilterSelects idPrefix="filter-" values={values} fields={periodChoice ? { district, rating, period } : { district, rating }} />
      {periodChoice ? null : <input type="hidden" name="period" value={values.period ?? ""} />}
      <div className="filter-actions">
        <button type="submit">{t("list.submit")}</button>
        <Link to="/organizations">{t("list.reset")}</Link>
      </div>
    </Form>
  );
}
