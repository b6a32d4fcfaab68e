import { useTranslation } from "react-i18next";
import { DataTable, numeric } from "./data-table";
import { useLocaleFormat } from "./locale-format";

interface DayCount {
  day: string;
  approved: number;
  rejected: number;
}

const WIDTH = 600;
const HEIGHT = 160;

/** Decisions per day as stacked bars (approved below, rejected above), with the same numbers in a table for screen readers and no-CSS readers. */
export function DecisionsChart({ rows }: { rows: DayCount[] }) {
  const { t } = useTranslation("moderation");
  const { day } = useLocaleFormat();
  const max = Math.max(1, ...rows.map((row) => row.approved + row.rejected));
  const step = WIDTH / Math.max(1, rows.length);
  const total = rows.reduce((sum, row) => sum + row.approved + row.rejected, 0);
  return (
    <figure className="moderation-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        className="chart"
        role="img"
        aria-label={t("stats.chartLabel", { days: rows.length, total })}
      >
        {rows.map((row, index) => {
          const approved = (row.approved / max) * HEIGHT;
          const rejected = (row.rejected / max) * HEIGHT;
          return (
            <g key={row.day}>
              <rect x={index * step + 1} y={HEIGHT - approved} width={step - 2} height={approved} className="bar-approved" />
              <rect x={index * step + 1} y={HEIGHT - approved - rejected} width={step - 2} height={rejected} className="bar-rejected" />
            </g>
          );
        })}
        <text x={0} y={HEIGHT + 16}>
          {rows[0] ? day(rows[0].day) : null}
        </text>
        <text x={WIDTH} y={HEIGHT + 16} textAnchor="end">
          {rows.length > 0 ? day(rows[rows.length - 1]!.day) : null}
        </text>
      </svg>
      <figcaption className="hint">{t("stats.legend")}</figcaption>
      <details>
        <summary>{t("stats.showTable")}</summary>
        <DataTable
          caption={t("stats.perDayCaption")}
          headers={[t("stats.day"), numeric(t("status.approved")), numeric(t("status.rejected"))]}
        >
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{day(row.day)}</th>
              <td className="num">{row.approved}</td>
              <td className="num">{row.rejected}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
