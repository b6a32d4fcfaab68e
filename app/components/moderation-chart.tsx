import { useTranslation } from "react-i18next";
import { DataTable, numeric } from "./data-table";
import { useLocaleFormat } from "./locale-format";
import type { DayCount } from "../../models/moderation/moderation-stats.server";

/** The stacked series, bottom up, with their table headers: new comments decided, then published ones reviewed again. */
const SERIES = [
  { key: "approved", label: "status.approved" },
  { key: "rejected", label: "status.rejected" },
  { key: "kept", label: "stats.kept" },
  { key: "removed", label: "stats.removed" },
] as const;

const dayTotal = (row: DayCount) => SERIES.reduce((sum, series) => sum + row[series.key], 0);

const WIDTH = 600;
const HEIGHT = 160;

/** Decisions per day as stacked bars (approved, rejected, kept, removed, bottom up), with the same numbers in a table for screen readers and no-CSS readers. */
export function DecisionsChart({ rows }: { rows: DayCount[] }) {
  const { t } = useTranslation("moderation");
  const { day } = useLocaleFormat();
  const max = Math.max(1, ...rows.map(dayTotal));
  const step = WIDTH / Math.max(1, rows.length);
  const total = rows.reduce((sum, row) => sum + dayTotal(row), 0);
  return (
    <figure className="moderation-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT + 20}`}
        className="chart"
        role="img"
        aria-label={t("stats.chartLabel", { days: rows.length, total })}
      >
        {rows.map((row, index) => {
          let top = HEIGHT;
          return (
            <g key={row.day}>
              {SERIES.map(({ key }) => {
                const height = (row[key] / max) * HEIGHT;
                top -= height;
                return <rect key={key} x={index * step + 1} y={top} width={step - 2} height={height} className={`bar-${key}`} />;
              })}
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
        <DataTable caption={t("stats.perDayCaption")} headers={[t("stats.day"), ...SERIES.map((series) => numeric(t(series.label)))]}>
          {rows.map((row) => (
            <tr key={row.day}>
              <th scope="row">{day(row.day)}</th>
              {SERIES.map(({ key }) => (
                <td key={key} className="num">
                  {row[key]}
                </td>
              ))}
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
