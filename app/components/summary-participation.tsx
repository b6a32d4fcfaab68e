import { useTranslation } from "react-i18next";
import { fillDayGaps } from "../../models/lib/day-series";
import type { DayCount } from "../../models/summary/summary-activity.server";
import { DataTable, numeric } from "./data-table";
import { useLocaleFormat } from "./locale-format";
import { useSummaryFormat } from "./summary-format";

const WIDTH = 400;
const HEIGHT = 120;

/** Feedback received per day as columns, with the per-day numbers in a table (collapsed, works without JavaScript). */
export function ParticipationChart({ id, days: received }: { id: string; days: DayCount[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const { day } = useLocaleFormat();
  // Quiet days are columns of zero: a gap in time stays visible.
  const days = fillDayGaps({ rows: received, empty: (d) => ({ day: d, total: 0, districts: {} }) });
  if (days.length === 0) return <p>{t("participation.none")}</p>;
  const max = Math.max(...days.map((d) => d.total));
  const step = WIDTH / days.length;
  const total = days.reduce((sum, d) => sum + d.total, 0);
  const peak = days.find((d) => d.total === max)!;
  return (
    <figure className="summary-figure" aria-labelledby={`${id}-caption`}>
      <figcaption id={`${id}-caption`}>{t("participation.title")}</figcaption>
      <svg className="summary-chart" viewBox={`0 0 ${WIDTH} ${HEIGHT + 16}`} role="img" aria-labelledby={`${id}-title ${id}-desc`}>
        <title id={`${id}-title`}>{t("participation.title")}</title>
        <desc id={`${id}-desc`}>
          {t("participation.description", {
            total: format.number(total),
            days: days.length,
            first: day(days[0]!.day),
            last: day(days[days.length - 1]!.day),
            peak: day(peak.day),
            max: format.number(max),
          })}
        </desc>
        {days.map((d, i) => {
          const h = (d.total / max) * HEIGHT;
          return <rect key={d.day} className="chart-bar" x={i * step + step * 0.1} y={HEIGHT - h} width={step * 0.8} height={h} />;
        })}
        <line className="chart-grid" x1={0} x2={WIDTH} y1={HEIGHT} y2={HEIGHT} />
        <text className="chart-tick" x={0} y={HEIGHT + 14}>
          {day(days[0]!.day)}
        </text>
        <text className="chart-tick" x={WIDTH} y={HEIGHT + 14} textAnchor="end">
          {day(days[days.length - 1]!.day)}
        </text>
      </svg>
      <details>
        <summary>{t("participation.showTable")}</summary>
        <DataTable caption={t("participation.tableCaption")} headers={[t("participation.day"), numeric(t("participation.count"))]}>
          {days.map((d) => (
            <tr key={d.day}>
              <th scope="row">{day(d.day)}</th>
              <td className="num">{format.number(d.total)}</td>
            </tr>
          ))}
        </DataTable>
      </details>
    </figure>
  );
}
