import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { pageTitle } from "~/components/page-meta";
import { DistributionTable, RatingChart, type DistributionRow } from "~/components/rating-chart";
import { translatorFor } from "~/utils/api.server";
import {
  commentWindow,
  defaultPeriod,
  publishedPeriods,
  periodOverview,
  requestLanguage,
  type PeriodOverview,
} from "~/utils/catalog.server";
import { share, topCount } from "~/utils/share";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** The period at a glance: `?period=CODE` or the latest published one. */
export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, "organizations");
  const lang = await requestLanguage(request);
  const periods = await publishedPeriods();
  const code = new URL(request.url).searchParams.get("period");
  const period = code ? periods.find((p) => p.code === code) : defaultPeriod(periods);
  if (code && !period) throw await pageError(request, 404);
  const others = periods.map((p) => ({ code: p.code, title: p.title }));
  const description = t("home.lead");
  if (!period) return { title: t("meta.homeEmpty"), description, periods: others, overview: null, commentsUntil: null };
  const overview = await periodOverview({ period });
  const commentsUntil = commentWindow(period) === "open" ? period.commentsCloseAt : null;
  return { title: t("meta.home", { period: period.title[lang] }), description, periods: others, overview, commentsUntil };
}

/** Rows for the chart and table: share of the whole, and a link to the matching organizations. */
function ratingRows(overview: PeriodOverview, label: (l: { vi: string; en: string }) => string): DistributionRow[] {
  return overview.ratings.map((entry) => ({
    key: entry.key,
    label: label(entry.label),
    count: entry.count,
    share: share(entry.count, overview.organizations),
    href: `/organizations?${new URLSearchParams({ period: overview.period.code, rating: entry.key })}`,
  }));
}

/** Members counted in the member-quality categories (the base of their shares). */
function categoryTotal(overview: PeriodOverview): number {
  return overview.memberCategories.reduce((sum, entry) => sum + entry.count, 0);
}

function memberRows(overview: PeriodOverview, label: (l: { vi: string; en: string }) => string): DistributionRow[] {
  const total = categoryTotal(overview);
  return overview.memberCategories.map((entry) => ({
    key: entry.key,
    label: label(entry.label),
    count: entry.count,
    share: share(entry.count, total),
  }));
}

function KeyFigures({ overview }: { overview: PeriodOverview }) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const memberTotal = categoryTotal(overview);
  const names = (entries: PeriodOverview["ratings"]) =>
    entries
      .slice(0, 2)
      .map((entry) => format.label(entry.label))
      .join(" + ");
  const figures = [
    { key: "organizations", value: format.number(overview.organizations), label: t("home.organizations") },
    {
      key: "top-ratings",
      value: format.percent(share(topCount(overview.ratings), overview.organizations)),
      label: t("home.topRatings", { labels: names(overview.ratings) }),
    },
    { key: "members", value: format.number(overview.members), label: t("home.members") },
    {
      key: "top-members",
      value: format.percent(share(topCount(overview.memberCategories), memberTotal)),
      label: t("home.topMembers", { labels: names(overview.memberCategories) }),
    },
  ];
  return (
    <section aria-labelledby="stats-title">
      <h2 id="stats-title">{t("home.statsTitle")}</h2>
      <ul className="stats">
        {figures.map((figure) => (
          <li key={figure.key} data-figure={figure.key}>
            <span className="value">{figure.value}</span> <span className="label">{figure.label}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function PeriodLinks({ periods, current }: { periods: { code: string; title: { vi: string; en: string } }[]; current: string }) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  if (periods.length < 2) return null;
  return (
    <nav aria-labelledby="periods-title">
      <h2 id="periods-title">{t("home.otherPeriods")}</h2>
      <ul>
        {periods.map((p) => (
          <li key={p.code}>
            <Link to={`/?period=${encodeURIComponent(p.code)}`} aria-current={p.code === current ? "page" : undefined}>
              {format.label(p.title)}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}

export default function Home() {
  const { overview, periods, commentsUntil } = useLoaderData<typeof loader>();
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  if (!overview) {
    return (
      <>
        <h1>{t("common:app.tagline")}</h1>
        <p>{t("home.empty")}</p>
      </>
    );
  }
  const periodTitle = format.label(overview.period.title);
  const ratings = ratingRows(overview, format.label);
  return (
    <>
      <h1>{periodTitle}</h1>
      <p className="lead">{t("home.lead")}</p>
      {commentsUntil ? <p className="notice">{t("home.commentsOpen", { date: format.date(commentsUntil) })}</p> : null}
      <KeyFigures overview={overview} />
      <section aria-labelledby="distribution-title">
        <h2 id="distribution-title">{t("home.distributionTitle")}</h2>
        <RatingChart title={t("home.chartLabel", { period: periodTitle })} rows={ratings} />
        <DistributionTable
          caption={t("home.tableCaption", { period: periodTitle })}
          heading={t("table.rating")}
          rows={ratings}
          total={overview.organizations}
        />
      </section>
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t("home.membersTitle")}</h2>
        <DistributionTable
          caption={t("home.membersCaption", { period: periodTitle })}
          heading={t("table.category")}
          rows={memberRows(overview, format.label)}
          total={categoryTotal(overview)}
        />
      </section>
      <p>
        <Link className="button" to={`/organizations?${new URLSearchParams({ period: overview.period.code })}`}>
          {t("home.browse")}
        </Link>
      </p>
      <PeriodLinks periods={periods} current={overview.period.code} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
