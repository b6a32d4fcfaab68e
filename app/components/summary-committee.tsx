import { useTranslation } from "react-i18next";
import type { ReasonCount } from "../../models/summary/summary-activity.server";
import type { AttentionPage, CrossTable, YearOverYearRow } from "../../models/summary/summary-committee";
import { DataTable, numeric } from "./data-table";
import { useRateText } from "./summary-chart";
import { AgreementRankTable } from "./summary-sections";
import { useSummaryFormat } from "./summary-format";

/**
 * One page of the organizations needing attention (low agreement even at the interval's upper bound, or a campaign
 * flag), with how many there are in all and which of them are shown.
 */
export function AttentionTable({ attention, threshold }: { attention: AttentionPage; threshold: number }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const total = { count: attention.total, total: format.number(attention.total) };
  return (
    <>
      {attention.rows.length > 0 ? (
        <p>{t("attention.shown", { ...total, from: format.number(attention.from), to: format.number(attention.to) })}</p>
      ) : null}
      <AgreementRankTable
        rows={attention.rows}
        caption={t("attention.caption", { threshold: format.percent(threshold), count: attention.total })}
        empty={attention.total > 0 ? t("attention.pastEnd", total) : t("attention.none")}
        extra={[
          { heading: t("attention.flags"), numeric: true, cell: (row) => format.number(row.campaignFlags) },
          { heading: t("attention.why"), cell: (row) => row.reasons.map((reason) => t(`attention.reasons.${reason}`)).join(", ") },
        ]}
      />
    </>
  );
}

/** Published rating (rows) × the rating disagreeing residents would give (columns). */
export function ProposedCrossTable({ table, labels }: { table: CrossTable; labels: Record<string, string> }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (
    <DataTable caption={t("cross.caption")} headers={[t("cross.published"), ...table.ratings.map((key) => numeric(labels[key] ?? key))]}>
      {table.ratings.map((published) => (
        <tr key={published}>
          <th scope="row">{labels[published] ?? published}</th>
          {table.ratings.map((proposed) => (
            <td className="num" key={proposed}>
              {format.number(table.cells[published]?.[proposed] ?? 0)}
            </td>
          ))}
        </tr>
      ))}
    </DataTable>
  );
}

/** Agreement per organization in each period, largest fall first. */
export function YearOverYearTable({ rows, periods }: { rows: YearOverYearRow[]; periods: { code: string; title: string }[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const rateText = useRateText();
  if (rows.length === 0) return <p>{t("yoy.none")}</p>;
  return (
    <DataTable caption={t("yoy.caption")} headers={[t("table.organization"), ...periods.map((p) => p.title), numeric(t("yoy.change"))]}>
      {rows.map((row) => (
        <tr key={row.key}>
          <th scope="row">{row.label}</th>
          {periods.map((p) => {
            const cell = row.periods[p.code];
            return <td key={p.code}>{cell ? rateText(cell, cell.sides) : "—"}</td>;
          })}
          <td className="num">{row.change === null ? "—" : format.percent(row.change)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

/** Rejected feedback per reason (from the feedback collection). */
export function RejectedTable({ rows }: { rows: ReasonCount[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (
    <DataTable caption={t("rejected.caption")} headers={[t("rejected.reason"), numeric(t("rejected.count"))]}>
      {rows.map((row) => (
        <tr key={row.reason}>
          <th scope="row">{t(`reasons.${row.reason}`)}</th>
          <td className="num">{format.number(row.count)}</td>
        </tr>
      ))}
    </DataTable>
  );
}
