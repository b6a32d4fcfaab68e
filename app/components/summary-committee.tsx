import { useTranslation } from "react-i18next";
import type { ReasonCount } from "../../models/summary-activity";
import type { AttentionRow, CrossTable, YearOverYearRow } from "../../models/summary-committee";
import { useRateText } from "./summary-chart";
import { AgreementRankTable } from "./summary-sections";
import { useSummaryFormat } from "./summary-format";

/** Organizations needing attention: low agreement even at the interval's upper bound, or a campaign flag. */
export function AttentionTable({ rows, threshold }: { rows: AttentionRow[]; threshold: number }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (
    <AgreementRankTable
      rows={rows}
      caption={t("attention.caption", { threshold: format.percent(threshold), count: rows.length })}
      empty={t("attention.none")}
      extra={[
        { heading: t("attention.flags"), numeric: true, cell: (row) => format.number(row.campaignFlags) },
        { heading: t("attention.why"), cell: (row) => row.reasons.map((reason) => t(`attention.reasons.${reason}`)).join(", ") },
      ]}
    />
  );
}

/** Published rating (rows) × the rating disagreeing residents would give (columns). */
export function ProposedCrossTable({ table, labels }: { table: CrossTable; labels: Record<string, string> }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (
    <div className="table-scroll">
      <table>
        <caption>{t("cross.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("cross.published")}</th>
            {table.ratings.map((key) => (
              <th scope="col" className="num" key={key}>
                {labels[key] ?? key}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

/** Agreement per organization in each period, largest fall first. */
export function YearOverYearTable({ rows, periods }: { rows: YearOverYearRow[]; periods: { code: string; title: string }[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  const rateText = useRateText();
  if (rows.length === 0) return <p>{t("yoy.none")}</p>;
  return (
    <div className="table-scroll">
      <table>
        <caption>{t("yoy.caption")}</caption>
        <thead>
          <tr>
            <th scope="col">{t("table.organization")}</th>
            {periods.map((p) => (
              <th scope="col" key={p.code}>
                {p.title}
              </th>
            ))}
            <th scope="col" className="num">{t("yoy.change")}</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
  );
}

/** Rejected feedback per reason (from the feedback collection). */
export function RejectedTable({ rows }: { rows: ReasonCount[] }) {
  const { t } = useTranslation("summary");
  const format = useSummaryFormat();
  return (
    <table>
      <caption>{t("rejected.caption")}</caption>
      <thead>
        <tr>
          <th scope="col">{t("rejected.reason")}</th>
          <th scope="col" className="num">{t("rejected.count")}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.reason}>
            <th scope="row">{t(`reasons.${row.reason}`)}</th>
            <td className="num">{format.number(row.count)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
