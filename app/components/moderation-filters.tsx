import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { InputFilter, SelectFilter } from "./filter-fields";

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
      <SelectFilter
        id="f-status"
        name="status"
        label={t("filters.status")}
        value={values.status}
        options={statuses.map((status) => ({ value: status, label: t(`status.${status}`) }))}
      />
      <SelectFilter
        id="f-district"
        name="district"
        label={t("filters.district")}
        value={values.district ?? ""}
        all={t("filters.any")}
        options={districts.map((district) => ({ value: district, label: district }))}
      />
      <InputFilter id="f-organization" name="organization" label={t("filters.organization")} value={values.organization ?? ""} />
      <SelectFilter
        id="f-stance"
        name="stance"
        label={t("filters.stance")}
        value={values.stance ?? ""}
        all={t("filters.any")}
        options={stances.map((stance) => ({ value: stance, label: t(`common:stance.${stance}`) }))}
      />
      <SelectFilter
        id="f-period"
        name="period"
        label={t("filters.period")}
        value={values.period ?? ""}
        all={t("filters.any")}
        options={periods.map((period) => ({ value: period, label: period }))}
      />
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
