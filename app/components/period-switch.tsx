import { Form } from "@remix-run/react";
import { SelectFilter } from "./filter-fields";

/** What a period-filtered page's loader returns: the period it shows and the published ones to pick from. */
interface PeriodPage {
  period: { code: string };
  periods: { code: string; title: string }[];
}

/** The `period` select of a GET filter form: every published period by its title, the shown one chosen. */
export function PeriodSelect({ id, label, page }: { id: string; label: string; page: PeriodPage }) {
  const options = page.periods.map((p) => ({ value: p.code, label: p.title }));
  return <SelectFilter id={id} name="period" label={label} value={page.period.code} options={options} />;
}

/** A GET form that only switches the period a page shows; works without JavaScript. */
export function PeriodSwitch({
  className,
  submit,
  ...select
}: {
  id: string;
  label: string;
  page: PeriodPage;
  className: string;
  submit: string;
}) {
  return (
    <Form method="get" className={className}>
      <PeriodSelect {...select} />
      <button type="submit">{submit}</button>
    </Form>
  );
}
