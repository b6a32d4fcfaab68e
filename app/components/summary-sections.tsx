import { useTranslation } from "react-i18next";
import type { SummaryRow, Transparency } from "../../models/summary/summary-rows";
import { DataTable, numeric, type Heading } from "./data-table";
import { useRateText } from "./summary-chart";
import { useSummaryFormat } from "./summary-format";

/** The moderation transparency line: published, waiting, rejected and why. */
export function TransparencyLine({ transparency }: { transparency: Transparency }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const reasons = Object.entries(transparency.rejectedByReason)
    .filter(([, n]) => n > 0)
    .map(([reason, n]) =>
      t("transparency.reason", { reason: t(`reasons.${reason}`, { defaultValue: reason }), count: n, formatted: format.number(n) }),
    )
    .join("; ");
  return (
    <p className="summary-transparency">
      {t("transparency.line", {
        approved: format.number(transparency.approved),
        pending: format.number(transparency.pending),
        rejected: format.number(transparency.rejected),
      })}
      {reasons ? ` ${t("transparency.reasons", { reasons })}` : null}
    </p>
  );
}

export interface ExtraColumn<Row> {
  heading: string;
  numeric?: boolean;
  cell: (row: Row) => React.ReactNode;
}

/**
 * Organizations ranked by agreement (lowest agreement, needing attention): name, sides taken, the rate as
 * pages state it, and the interval's upper bound the ranking uses; callers may add columns.
 */
export function AgreementRankTable<Row extends SummaryRow>({
  rows,
  caption,
  empty,
  extra = [],
}: {
  rows: Row[];
  caption: string;
  empty: string;
  extra?: ExtraColumn<Row>[];
}) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const rateText = useRateText();
  if (rows.length === 0) return <p>{empty}</p>;
  const headers: Heading[] = [
    t("table.organization"),
    numeric(t("table.sides")),
    t("table.rate"),
    numeric(t("table.upperBound")),
    ...extra.map((column) => (column.numeric ? numeric(column.heading) : column.heading)),
  ];
  return (
    <DataTable caption={caption} headers={headers}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">
            <a href={`/organizations/${encodeURIComponent(row.key)}`}>{row.label}</a>
          </th>
          <td className="num">{format.number(row.agree + row.disagree)}</td>
          <td>{rateText(row, row.agree + row.disagree)}</td>
          <td className="num">{row.ci95 ? format.percent(row.ci95[1]) : "—"}</td>
          {extra.map((column) => (
            <td key={column.heading} className={column.numeric ? "num" : undefined}>
              {column.cell(row)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** Links to the open-data downloads of one period, per grouping. */
export function SummaryDownloads({ period }: { period: string }) {
  const { t } = useTranslation("summary");
  const groupings = ["rating", "district", "organization"] as const;
  return (
    <ul className="summary-downloads">
      {groupings.map((groupBy) => {
        const query = new URLSearchParams({ period, groupBy }).toString();
        return (
          <li key={groupBy}>
            {t(`groupBy.${groupBy}`)}:{" "}
            <a href={`/api/v1/summary.csv?${query}`} download>
              {t("downloads.csv")}
            </a>{" "}
            · <a href={`/api/v1/summary?${query}`}>{t("downloads.json")}</a>
          </li>
        );
      })}
    </ul>
  );
}
