import { useTranslation } from "react-i18next";

/** Reasons in the order the line names them: most frequent first, ties by name. */
export function rejectionParts(rejected: Record<string, number>): { reason: string; count: number }[] {
  return Object.entries(rejected)
    .filter(([, count]) => count > 0)
    .map(([reason, count]) => ({ reason, count }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
}

/** The public transparency line: "12 comments were not published: 9 spam, 3 personal data". Nothing when none were rejected. */
export function RejectionTransparency({ rejected }: { rejected: Record<string, number> }) {
  const { t } = useTranslation("moderation");
  const parts = rejectionParts(rejected);
  const total = parts.reduce((sum, part) => sum + part.count, 0);
  if (total === 0) return null;
  const detail = parts.map((part) => t("transparency.part", { count: part.count, reason: t(`transparency.reasons.${part.reason}`, { defaultValue: part.reason }) })).join(", ");
  return <p className="transparency-line">{t("transparency.line", { count: total, detail })}</p>;
}
