import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { AgreementChart } from "~/components/summary-chart";
import { ParticipationChart } from "~/components/summary-participation";
import { PeriodSwitch } from "~/components/period-switch";
import { AgreementRankTable, SummaryDownloads, TransparencyLine } from "~/components/summary-sections";
import { translatorFor } from "~/utils/api.server";
import { publicSummaryPage } from "~/utils/summary-page.server";
import { parseSummaryQuery } from "~/utils/summary.server";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = (args) =>
  pageTitle(args, { title: args.data?.pageTitle, description: args.data?.description });

/** /summary?period=: the period's agreement for everyone, readable without JavaScript. */
export async function loader({ request }: LoaderFunctionArgs) {
  const query = await parseSummaryQuery(request);
  if (!query.ok) throw await pageError(request, query.status, query.message);
  const t = await translatorFor(request, ["summary", "common"]);
  const page = await publicSummaryPage({ period: query.period, lang: query.lang });
  return {
    ...page,
    pageTitle: `${t("summary:title", { period: page.period.title })} · ${t("common:app.name")}`,
    description: t("summary:description", { period: page.period.title }),
  };
}

export default function SummaryPage() {
  const { t } = useTranslation("summary");
  const page = useLoaderData<typeof loader>();
  return (
    <article className="summary-page" aria-labelledby="summary-title">
      <h1 id="summary-title">{t("title", { period: page.period.title })}</h1>
      <p className="lead">{t("intro")}</p>
      <PeriodSwitch id="period" className="summary-period" label={t("period")} submit={t("show")} page={page} />
      <TransparencyLine transparency={page.transparency} />

      <section aria-labelledby="by-rating">
        <h2 id="by-rating">{t("byRating.heading")}</h2>
        <AgreementChart id="chart-rating" title={t("byRating.chart", { period: page.period.title })} rows={page.byRating} />
      </section>

      <section aria-labelledby="by-district">
        <h2 id="by-district">{t("byDistrict.heading")}</h2>
        <AgreementChart id="chart-district" title={t("byDistrict.chart", { period: page.period.title })} rows={page.byDistrict} />
      </section>

      <section aria-labelledby="lowest">
        <h2 id="lowest">{t("lowest.heading")}</h2>
        <p className="hint">{t("lowest.explain")}</p>
        <AgreementRankTable rows={page.lowest} caption={t("lowest.caption")} empty={t("lowest.none")} />
      </section>

      <section aria-labelledby="participation">
        <h2 id="participation">{t("participation.heading")}</h2>
        <ParticipationChart id="chart-participation" days={page.participation} />
      </section>

      <section aria-labelledby="downloads">
        <h2 id="downloads">{t("downloads.heading")}</h2>
        <p className="hint">{t("downloads.explain")}</p>
        <SummaryDownloads period={page.period.code} />
      </section>
      <p className="hint">{t("method")}</p>
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
