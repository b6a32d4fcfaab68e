import { useTranslation } from "react-i18next";
import type { SummaryRow } from "../../models/summary/summary-rows";
import { statedAgreement, type Agreement } from "../../models/lib/wilson";
import { DataTable, numeric } from "./data-table";
import { useSummaryFormat } from "./summary-format";

const WIDTH = 400;
const ROW = 40;
const TOP = 8;
const BAR = 12;

export type ChartRow = Pick<
  SummaryRow,
  "key" | "label" | "organizations" | "agree" | "disagree" | "neutral" | "pending" | "agreementRate" | "ci95"
>;

/** The rate as readers see it: a percentage with its interval, or "not enough views yet" below 10 sides. */
export function useRateText() {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (rate: Agreement, sides: number) => {
    const stated = statedAgreement(rate, sides);
    return stated
      ? t("rate.withInterval", { rate: format.percent(stated.agreementRate), interval: format.interval(stated.ci95) })
      : t("rate.notEnough");
  };
}

/** The short text beside a bar: "Biên Hòa: 79,7% (75,8% – 83,0%)" or "…: not enough views yet". */
function useBarLabel() {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (row: ChartRow) => {
    const stated = statedAgreement(row, row.agree + row.disagree);
    return stated
      ? t("chart.barLabel", { label: row.label, rate: format.percent(stated.agreementRate), interval: format.interval(stated.ci95) })
      : t("chart.barLabelNotEnough", { label: row.label });
  };
}

function Bars({ rows }: { rows: ChartRow[] }) {
  const barLabel = useBarLabel();
  return rows.map((row, i) => {
    const y = TOP + i * ROW;
    const stated = statedAgreement(row, row.agree + row.disagree);
    return (
      <g key={row.key}>
        <text x={0} y={y + 12}>
          {barLabel(row)}
        </text>
        <rect className="chart-track" x={0} y={y + 18} width={WIDTH} height={BAR} />
        {stated ? (
          <>
            <rect className="chart-bar" x={0} y={y + 18} width={stated.agreementRate * WIDTH} height={BAR} />
            <path
              className="chart-whisker"
              d={`M${stated.ci95[0] * WIDTH} ${y + 24}H${stated.ci95[1] * WIDTH}M${stated.ci95[0] * WIDTH} ${y + 16}v16M${stated.ci95[1] * WIDTH} ${y + 16}v16`}
            />
          </>
        ) : null}
      </g>
    );
  });
}

/**
 * Agreement rate per group as horizontal bars with 95% interval whiskers, followed by the same numbers
 * as a table: the SVG is an image with a text alternative, the table is what screen readers and phones read.
 */
export function AgreementChart({ id, title, rows }: { id: string; title: string; rows: ChartRow[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const rateText = useRateText();
  const height = TOP + rows.length * ROW + 16;
  return (
    <figure className="summary-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{title}</figcaption>
      <svg className="summary-chart" viewBox={`-4 0 ${WIDTH + 8} ${height}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{title}</title>
        <desc id={`${id}-desc`}>{t("chart.description")}</desc>
        {[0, 0.5, 1].map((tick) => (
          <g key={tick}>
            <line className="chart-grid" x1={tick * WIDTH} x2={tick * WIDTH} y1={TOP} y2={height - 14} />
            <text className="chart-tick" x={tick * WIDTH} y={height - 2} textAnchor={tick === 0 ? "start" : tick === 1 ? "end" : "middle"}>
              {format.percent(tick)}
            </text>
          </g>
        ))}
        <Bars rows={rows} />
      </svg>
      <DataTable
        caption={t("chart.tableCaption", { title })}
        headers={[
          t("table.group"),
          numeric(t("table.organizations")),
          numeric(t("table.agree")),
          numeric(t("table.disagree")),
          numeric(t("table.neutral")),
          numeric(t("table.pending")),
          t("table.rate"),
        ]}
      >
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td className="num">{format.number(row.organizations)}</td>
            <td className="num">{format.number(row.agree)}</td>
            <td className="num">{format.number(row.disagree)}</td>
            <td className="num">{format.number(row.neutral)}</td>
            <td className="num">{format.number(row.pending)}</td>
            <td>{rateText(row, row.agree + row.disagree)}</td>
          </tr>
        ))}
      </DataTable>
    </figure>
  );
}
