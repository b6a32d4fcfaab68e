import { useTranslation } from "react-i18next";

/** Reasons in the order the line names them: most frequent first, ties by name. */
export function rejectionParts(rejected: Record<string, number>): { reason: string; count: number }[] {
  return Object.entries(rejected)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The key under which published comments removed after readers' reports come with the rejections. */
const REMOVED_AFTER_REPORTS = "removed-after-reports";

/**
 * The public transparency line: "12 comments were not published: 9 spam, 3 personal data", then "2 published
 * comments were removed after readers' reports". Nothing when there is neither.
 */
export function RejectionTransparency({ rejected }: { rejected: Record<string, number> }) {
  const { t } = useTranslation("moderation");
  const { [REMOVED_AFTER_REPORTS]: removed = 0, ...reasons } = rejected;
  const parts = rejectionParts(reasons);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0 && removed === 0) return null;
  const detail = parts
    .map((part) =>
      t("transparency.part", { count: part.count, reason: t(`transparency.reasons.${part.reason}`, { defaultValue: part.reason }) }),
    )
    .join(", ");
  const lines = [
    total > 0 ? t("transparency.line", { count: total, detail }) : null,
    removed > 0 ? t("transparency.removedAfterReports", { count: removed }) : null,
  ];
  return <p className="transparency-line">{lines.filter(Boolean).join(" ")}</p>;
}
