import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable, numeric } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { DecisionsChart } from "~/components/moderation-chart";
import { ModerationNav } from "~/components/moderation-nav";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { moderationStats } from "~/utils/moderation.server";
import { pageTitle } from "~/components/page-meta";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

/** Committees read these; moderators may too (their own workload). */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, ["committee", "moderator"]);
  const t = await translatorFor(request, ["moderation", "common"]);
  return { title: titled(t, t("moderation:stats.title")), role: user.role, stats: await moderationStats({ days: 30 }) };
}

/** "3 giờ", "2 ngày": a wait in the largest whole unit. */
function useDuration() {
  const { t } = useTranslation("moderation");
  return (minutes: number) => {
    if (minutes < 60) return t("stats.minutes", { count: Math.round(minutes) });
    if (minutes < 48 * 60) return t("stats.hours", { count: Math.round(minutes / 60) });
    return t("stats.days", { count: Math.round(minutes / 1440) });
  };
}

/** Residents' follow-up states, in the order a comment goes through them. */
const FOLLOW_UP_STATES = ["withdrawn", "removal-requested", "removed-on-request", "under-review", "removed-after-reports"] as const;

export default function ModerationStatistics() {
  const { t } = useTranslation("moderation");
  const { stats, role } = useLoaderData<typeof loader>();
  const duration = useDuration();
  const oldestMinutes = stats.queue.oldestAt ? (Date.parse(stats.generatedAt) - Date.parse(stats.queue.oldestAt)) / 60_000 : null;
  const cards = [
    { label: t("stats.pending"), value: String(stats.queue.pending) },
    { label: t("stats.flagged"), value: String(stats.queue.flagged) },
    { label: t("stats.removalRequests"), value: String(stats.queue.removalRequests) },
    { label: t("stats.reported"), value: String(stats.queue.reported) },
    { label: t("stats.olderThanDay"), value: String(stats.queue.olderThanDay) },
    { label: t("stats.olderThanWeek"), value: String(stats.queue.olderThanWeek) },
    { label: t("stats.oldest"), value: oldestMinutes === null ? "—" : duration(oldestMinutes) },
    { label: t("stats.median", { days: stats.days }), value: stats.medianMinutes === null ? "—" : duration(stats.medianMinutes) },
  ];
  return (
    <section aria-labelledby="stats-title">
      <ModerationNav role={role} />
      <h1 id="stats-title">{t("stats.title")}</h1>
      <h2>{t("stats.queueHeading")}</h2>
      <ul className="stats">
        {cards.map((card) => (
          <li key={card.label}>
            <span className="value">{card.value}</span> <span className="label">{card.label}</span>
          </li>
        ))}
      </ul>
      <h2>{t("stats.perDayHeading", { days: stats.days })}</h2>
      <p>{t("stats.decisions", { count: stats.decisions })}</p>
      <DecisionsChart rows={stats.perDay} />
      <h2>{t("stats.reasonsHeading")}</h2>
      {stats.reasons.length === 0 ? (
        <p>{t("stats.noRejections")}</p>
      ) : (
        <DataTable caption={t("stats.reasonsCaption")} headers={[t("reason.label"), numeric(t("stats.count"))]}>
          {stats.reasons.map((row) => (
            <tr key={row.reason}>
              <th scope="row">{t(`reasons.${row.reason}`)}</th>
              <td className="num">{row.count}</td>
            </tr>
          ))}
        </DataTable>
      )}
      <h2>{t("stats.followUpHeading")}</h2>
      <DataTable caption={t("stats.followUpCaption")} headers={[t("stats.state"), numeric(t("stats.count"))]}>
        {FOLLOW_UP_STATES.map((state) => (
          <tr key={state}>
            <th scope="row">{t(`feedback:tracking.statuses.${state}`)}</th>
            <td className="num">{stats.followUp[state] ?? 0}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
