import { Form } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { InputFilter } from "./filter-fields";
import { FilterSelects, plainChoices } from "./filter-selects";

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

/** GET form: filters live in the URL, so a filtered list can be bookmarked and works without JavaScript. */
function ModerationFilterForm({ className, children }: { className: string; children: ReactNode }) {
  const { t } = useTranslation("moderation");
  return (
    <Form method="get" className={`filters ${className}`} aria-label={t("filters.label")}>
      {children}
      <div>
        <button type="submit">{t("filters.submit")}</button>
      </div>
    </Form>
  );
}

/** The queue's filters. */
export function ModerationFilters({ values, districts, periods, statuses, stances }: Options) {
  const { t } = useTranslation("moderation");
  const anyValue = t("filters.any");
  const status = { label: t("filters.status"), options: statuses.map((s) => ({ value: s, label: t(`status.${s}`) })) };
  const district = { label: t("filters.district"), all: anyValue, options: plainChoices(districts) };
  const stance = { label: t("filters.stance"), all: anyValue, options: stances.map((s) => ({ value: s, label: t(`common:stance.${s}`) })) };
  const period = { label: t("filters.period"), all: anyValue, options: plainChoices(periods) };
  return (
    <ModerationFilterForm className="moderation-filters">
      <FilterSelects idPrefix="f-" values={values} fields={{ status, district }} />
      <InputFilter id="f-organization" name="organization" label={t("filters.organization")} value={values.organization ?? ""} />
      <FilterSelects idPrefix="f-" values={values} fields={{ stance, period }} />
      <div className="checkbox">
        <input id="f-flagged" name="flagged" type="checkbox" value="1" defaultChecked={values.flagged} />
        <label htmlFor="f-flagged">{t("filters.flagged")}</label>
      </div>
    </ModerationFilterForm>
  );
}

/** The audit trail's filters: what was done, to what, between which days. */
export function AuditFilters({
  filters,
  actions,
}: {
  filters: { action: string; target: string; from: string; to: string };
  actions: readonly string[];
}) {
  const { t } = useTranslation("moderation");
  const labelled = actions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }));
  return (
    <ModerationFilterForm className="audit-filters">
      <FilterSelects
        idPrefix="a-"
        values={filters}
        fields={{ action: { label: t("audit.action"), all: t("filters.any"), options: labelled } }}
      />
      <InputFilter id="a-target" name="target" label={t("audit.target")} value={filters.target} />
      <InputFilter id="a-from" name="from" label={t("audit.from")} value={filters.from} type="date" />
      <InputFilter id="a-to" name="to" label={t("audit.to")} value={filters.to} type="date" />
    </ModerationFilterForm>
  );
}
