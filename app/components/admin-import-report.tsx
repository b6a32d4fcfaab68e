import { useTranslation } from "react-i18next";
import type { ImportReport } from "../../models/import/import.server";
import { DataTable, numeric } from "./data-table";

type Issue = ImportReport["issues"][number];
/** The report as the page receives it (plain JSON). */
export type ImportReportView = ImportReport;

/** How many rows to list in the preview; the counts always cover the whole file. */
const SHOWN = 200;

/** The bad rows by line, with translated reasons; nothing was written. */
function IssueList({ issues }: { issues: Issue[] }) {
  const { t } = useTranslation("admin");
  return (
    <section aria-labelledby="import-issues" className="notice warning">
      <h2 id="import-issues">{t("import.issuesTitle", { count: issues.length })}</h2>
      <p>{t("import.nothingWritten")}</p>
      <ul className="import-issues">
        {issues.map((issue, index) => (
          <li key={`${issue.line}-${index}`}>
            {issue.line > 0 ? <strong>{t("import.line", { line: issue.line })}: </strong> : null}
            {t(issue.reason, issue.params)}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Counts of created / changed / unchanged rows and the rows that would change. */
export function ImportReportSummary({ report }: { report: ImportReportView }) {
  const { t } = useTranslation("admin");
  if (report.issues.length > 0) return <IssueList issues={report.issues} />;
  const changes = report.planned.filter((row) => row.outcome !== "unchanged");
  return (
    <section aria-labelledby="import-counts">
      <h2 id="import-counts">{t(report.applied ? "import.appliedTitle" : "import.previewTitle", { period: report.period })}</h2>
      <ul className="stats">
        {(["rows", "created", "changed", "unchanged", "organizationsCreated"] as const).map((key) => (
          <li key={key}>
            <span className="value">{report[key]}</span>
            <span className="label">{t(`import.counts.${key}`)}</span>
          </li>
        ))}
      </ul>
      {changes.length > 0 ? (
        <DataTable
          caption={t("import.changesCaption", { shown: Math.min(SHOWN, changes.length), count: changes.length })}
          headers={[numeric(t("import.columns.line")), t("import.columns.code"), t("import.columns.name"), t("import.columns.outcome")]}
        >
          {changes.slice(0, SHOWN).map((row) => (
            <tr key={row.code}>
              <td className="num">{row.line}</td>
              <td>{row.code}</td>
              <td>{row.name}</td>
              <td>
                {t(`import.outcome.${row.outcome}`)}
                {row.fields.length > 0 ? ` (${row.fields.join(", ")})` : ""}
              </td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </section>
  );
}
