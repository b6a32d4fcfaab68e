import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AgreementChart } from "~/components/summary-chart";
import { AttentionTable, ProposedCrossTable, RejectedTable, YearOverYearTable } from "~/components/summary-committee";
import { ParticipationChart } from "~/components/summary-participation";
import { FieldError, fieldAria } from "~/components/field";
import { FilterSelects, plainChoices } from "~/components/filter-selects";
import { PeriodSelect } from "~/components/period-switch";
import { TransparencyLine } from "~/components/summary-sections";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { committeeDashboard, DEFAULT_ATTENTION_THRESHOLD } from "~/utils/summary-page.server";
import { filtersOf, parseCommitteeQuery } from "~/utils/summary.server";
import { CaseList } from "~/components/review-cases";
import { unresolvedCases } from "~/utils/reviews.server";
import { pageError } from "~/utils/page-error.server";
import { pageLinks, Pager } from "~/components/pager";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.pageTitle ?? "Công Khai" }];

/** The attention threshold as a whole percentage in the form (0–100); an invalid value falls back to the default. */
const ThresholdSchema = z.coerce.number().int().min(1).max(100);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "committee");
  const query = await parseCommitteeQuery(request);
  if (!query.ok) throw await pageError(request, query.status, query.message);
  const t = await translatorFor(request, ["summary", "common"]);
  const url = new URL(request.url);
  const raw = url.searchParams.get("threshold");
  const threshold = raw ? ThresholdSchema.safeParse(raw) : null;
  const dashboard = await committeeDashboard({
    period: query.period,
    lang: query.lang,
    query: query.query,
    threshold: threshold?.success ? threshold.data / 100 : DEFAULT_ATTENTION_THRESHOLD,
    page: query.query.page,
  });
  // The attention list's pages keep the filters and the period shown, and bring the reader back to the list.
  const links = pageLinks({
    url,
    nextCursor: dashboard.attention.nextPage ? String(dashboard.attention.nextPage) : null,
    query: { period: query.period.code, ...filtersOf(query.query), threshold: raw ?? undefined },
    param: "page",
    hash: "#attention",
  });
  // Open re-review cases under the same filters, ranked by the lower bound of the disagreement share.
  const reviews = await unresolvedCases({ period: query.period.code, limit: 10, filters: filtersOf(query.query) });
  return {
    ...dashboard,
    reviews,
    attentionPages: { ...links, firstHref: query.query.page > 1 ? links.firstHref : null },
    filters: {
      district: query.query.district ?? "",
      rating: query.query.rating ?? "",
      kind: query.query.kind ?? "",
      threshold: raw ?? String(DEFAULT_ATTENTION_THRESHOLD * 100),
    },
    thresholdError: threshold && !threshold.success ? t("summary:errors.threshold") : null,
    threshold: threshold?.success ? threshold.data / 100 : DEFAULT_ATTENTION_THRESHOLD,
    pageTitle: `${t("summary:committee.title")} · ${t("common:app.name")}`,
  };
}

type DashboardData = ReturnType<typeof useLoaderData<typeof loader>>;

function Filters({ page }: { page: DashboardData }) {
  const { t } = useTranslation(["summary", "common"]);
  const all = t("filters.all");
  const district = { label: t("filters.district"), all, options: plainChoices(page.districts) };
  const rating = { label: t("filters.rating"), all, options: page.ratingScale.map((s) => ({ value: s.key, label: s.label })) };
  const kind = { label: t("filters.kind"), all, options: page.kinds.map((k) => ({ value: k, label: t(`common:kinds.${k}`) })) };
  const error = page.thresholdError ?? undefined;
  return (
    <Form method="get" className="filters committee-filters">
      <PeriodSelect id="f-period" label={t("period")} page={page} />
      <FilterSelects idPrefix="f-" values={page.filters} fields={{ district, rating, kind }} />
      <div>
        <label htmlFor="f-threshold">{t("filters.threshold")}</label>
        <input
          id="f-threshold"
          name="threshold"
          type="number"
          min={1}
          max={100}
          defaultValue={page.filters.threshold}
          {...fieldAria("f-threshold", { error, hint: !error })}
        />
        <FieldError id="f-threshold" error={error} />
        {error ? null : (
          <p id="f-threshold-hint" className="hint">
            {t("filters.thresholdHint")}
          </p>
        )}
      </div>
      <button type="submit">{t("show")}</button>
    </Form>
  );
}

export default function CommitteeDashboard() {
  const { t } = useTranslation("summary");
  const page = useLoaderData<typeof loader>();
  const labels = Object.fromEntries(page.ratingScale.map((s) => [s.key, s.label]));
  const csv = new URLSearchParams({
    period: page.period.code,
    groupBy: "organization",
    ...Object.fromEntries(Object.entries(page.filters).filter(([k, v]) => v && k !== "threshold")),
  });
  // The full list of cases keeps the district (the one filter it has).
  const allCases = new URLSearchParams({ period: page.period.code, ...(page.filters.district ? { district: page.filters.district } : {}) });
  return (
    <article className="committee-page" aria-labelledby="committee-title">
      <h1 id="committee-title">{t("committee.title")}</h1>
      <p className="lead">{t("committee.intro", { period: page.period.title })}</p>
      <Filters page={page} />
      <TransparencyLine transparency={page.transparency} />
      <p>
        <a href={`/api/v1/summary.csv?${csv}`} download>
          {t("committee.download")}
        </a>
      </p>

      <h2 id="reviews">{t("reviews:list.dashboard")}</h2>
      <CaseList cases={page.reviews} labels={labels} />
      <p>
        <a href={`/committee/reviews?${allCases}`}>{t("reviews:list.all")}</a>
      </p>

      <h2 id="attention">{t("attention.heading")}</h2>
      <AttentionTable attention={page.attention} threshold={page.threshold} />
      <Pager {...page.attentionPages} label={t("attention.pagerLabel")} />

      <h2 id="c-rating">{t("byRating.heading")}</h2>
      <AgreementChart id="c-chart-rating" title={t("byRating.chart", { period: page.period.title })} rows={page.byRating} />
      <h2 id="c-district">{t("byDistrict.heading")}</h2>
      <AgreementChart id="c-chart-district" title={t("byDistrict.chart", { period: page.period.title })} rows={page.byDistrict} />

      <h2 id="cross">{t("cross.heading")}</h2>
      <ProposedCrossTable table={page.crossTable} labels={labels} />

      <h2 id="yoy">{t("yoy.heading")}</h2>
      <YearOverYearTable rows={page.yearOverYear} periods={page.periods} />

      <h2 id="rejected">{t("rejected.heading")}</h2>
      <RejectedTable rows={page.rejected} />

      <h2 id="c-participation">{t("participation.heading")}</h2>
      <ParticipationChart id="c-chart-participation" days={page.participation} />
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
