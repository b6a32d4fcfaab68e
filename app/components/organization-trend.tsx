import { useTranslation } from "react-i18next";
import { DataTable } from "./data-table";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";
import { useRateText } from "./summary-chart";
import { useSummaryFormat } from "./summary-format";

export interface PeriodAgreementView {
  period: string;
  title: LocalizedLabel;
  ratingLabel: LocalizedLabel;
  agree: number;
  disagree: number;
  neutral: number;
  sides: number;
  agreementRate: number | null;
  ci95: [number, number] | null;
}

/**
 * Residents' agreement with the organization's rating in each period, side by side (oldest first): shares
 * of approved views per stance, views taking a side, and the agreement rate once enough sides were taken.
 */
export function OrganizationTrend({ periods }: { periods: PeriodAgreementView[] }) {
  const { t } = useTranslation(["organizations", "common"]);
  const format = useLocaleFormat();
  const summary = useSummaryFormat();
  const rateText = useRateText();
  if (periods.length < 2) return null;
  const share = (n: number, p: PeriodAgreementView) => {
    const total = p.agree + p.disagree + p.neutral;
    return total > 0 ? summary.percent(n / total) : "—";
  };
  const rows: { key: string; label: string; cell: (p: PeriodAgreementView) => string }[] = [
    { key: "rating", label: t("trend.rating"), cell: (p) => format.label(p.ratingLabel) },
    ...(["agree", "disagree", "neutral"] as const).map((stance) => ({
      key: stance,
      label: t(`common:stance.${stance}`),
      cell: (p: PeriodAgreementView) => share(p[stance], p),
    })),
    { key: "sides", label: t("trend.sides"), cell: (p) => summary.number(p.sides) },
    { key: "rate", label: t("trend.rate"), cell: (p) => rateText(p, p.sides) },
  ];
  return (
    <section aria-labelledby="trend-title" className="organization-trend">
      <h2 id="trend-title">{t("trend.heading")}</h2>
      <p>{t("trend.lead")}</p>
      <DataTable caption={t("trend.caption")} headers={[t("trend.measure"), ...periods.map((p) => format.label(p.title))]}>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            {periods.map((p) => (
              <td key={p.period}>{row.cell(p)}</td>
            ))}
          </tr>
        ))}
      </DataTable>
    </section>
  );
}
