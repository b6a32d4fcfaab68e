import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, numeric } from "./data-table";
import { useLocaleFormat } from "./locale-format";

/** One bar: a scale entry with its count, share of the whole and where to see its organizations. */
export interface DistributionRow {
  key: string;
  label: string;
  count: number;
  share: number;
  href?: string;
}

const WIDTH = 400;
const ROW = 46;
const BAR = 18;
const VALUE_ROOM = 110;

/**
 * Horizontal bar chart: a picture for sighted readers (role="img" with a spoken summary);
 * the same numbers are always in the DistributionTable beside it.
 */
export function RatingChart({ title, rows }: { title: string; rows: DistributionRow[] }) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const max = Math.max(1, ...rows.map((row) => row.count));
  const describe = (row: DistributionRow) =>
    t("home.chartItem", { label: row.label, total: format.number(row.count), percent: format.percent(row.share) });
  const summary = rows.map(describe).join("; ");
  return (
    <svg className="rating-chart" viewBox={`0 0 ${WIDTH} ${rows.length * ROW + 4}`} role="img" aria-label={`${title}. ${summary}`}>
      <title>{`${title}. ${summary}`}</title>
      {rows.map((row, index) => {
        const y = index * ROW;
        const width = Math.max(row.count > 0 ? 2 : 0, ((WIDTH - VALUE_ROOM) * row.count) / max);
        return (
          <g key={row.key}>
            <text x={0} y={y + 14}>
              {row.label}
            </text>
            <rect className="bar" x={0} y={y + 20} width={width} height={BAR} rx={2} />
            <text x={width + 6} y={y + 34}>
              {`${format.number(row.count)} (${format.percent(row.share)})`}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** The chart's numbers as a table: count and share per entry, with a total row. */
export function DistributionTable({
  caption,
  heading,
  rows,
  total,
}: {
  caption: string;
  heading: string;
  rows: DistributionRow[];
  total: number;
}) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  return (
    <DataTable
      caption={caption}
      headers={[heading, numeric(t("table.count")), numeric(t("table.share"))]}
      foot={
        <tr>
          <th scope="row">{t("table.total")}</th>
          <td className="num">{format.number(total)}</td>
          <td className="num">{format.percent(total > 0 ? 1 : 0)}</td>
        </tr>
      }
    >
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.href ? <Link to={row.href}>{row.label}</Link> : row.label}</th>
          <td className="num">{format.number(row.count)}</td>
          <td className="num">{format.percent(row.share)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
