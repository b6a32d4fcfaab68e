import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FilterSelects, plainChoices } from "~/components/filter-selects";
import { PeriodSelect } from "~/components/period-switch";
import { useLocaleFormat } from "~/components/locale-format";
import { caseHref, CaseList, useRatingLabel } from "~/components/review-cases";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { DISTRICTS, publishedPeriods, requestLanguage } from "~/utils/catalog.server";
import { pageError } from "~/utils/page-error.server";
import { listReviews, parseReviewsQuery, unresolvedCases } from "~/utils/reviews.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.pageTitle ?? "Công Khai" }];

/** /committee/reviews?period=&district=: the period's re-review cases, unresolved ones ranked, decided ones after. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "committee");
  const query = await parseReviewsQuery(request, { district: true });
  if (!query.ok) throw await pageError(request, query.status, query.message);
  const t = await translatorFor(request, ["reviews", "common"]);
  const lang = await requestLanguage(request);
  const filters = { district: query.query.district };
  const [unresolved, decided, periods] = await Promise.all([
    unresolvedCases({ period: query.period.code, filters }),
    listReviews({ period: query.period.code, includeUnresolved: false, filters }),
    publishedPeriods(),
  ]);
  return {
    pageTitle: `${t("reviews:list.title")} · ${t("common:app.name")}`,
    period: { code: query.period.code, title: query.period.title[lang] },
    periods: periods.map((p) => ({ code: p.code, title: p.title[lang] })),
    filters: { district: filters.district ?? "" },
    districts: DISTRICTS,
    labels: Object.fromEntries(query.period.ratingScale.map((s) => [s.key, s.label])),
    unresolved,
    decided,
  };
}

export default function CommitteeReviews() {
  const { t } = useTranslation(["reviews", "summary"]);
  const page = useLoaderData<typeof loader>();
  const district = { label: t("summary:filters.district"), all: t("summary:filters.all"), options: plainChoices(page.districts) };
  const format = useLocaleFormat();
  const rating = useRatingLabel(page.labels);
  return (
    <article aria-labelledby="reviews-title">
      <p>
        <Link to="/committee">{t("list.back")}</Link>
      </p>
      <h1 id="reviews-title">{t("list.title")}</h1>
      <p className="lead">{t("list.intro", { period: page.period.title })}</p>
      <Form method="get" className="filters">
        <PeriodSelect id="r-period" label={t("list.period")} page={page} />
        <FilterSelects idPrefix="r-" values={page.filters} fields={{ district }} />
        <button type="submit">{t("list.show")}</button>
      </Form>
      <h2>{t("list.unresolved")}</h2>
      <CaseList cases={page.unresolved} labels={page.labels} />
      <h2>{t("list.decided")}</h2>
      {page.decided.length === 0 ? (
        <p>{t("list.noneDecided")}</p>
      ) : (
        <table>
          <caption>{t("list.decidedCaption", { period: page.period.title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("list.organization")}</th>
              <th scope="col">{t("list.decision")}</th>
              <th scope="col">{t("list.decidedAt")}</th>
            </tr>
          </thead>
          <tbody>
            {page.decided.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={caseHref(item.id)}>{item.organizationName}</Link>
                </td>
                <td>
                  {item.outcome
                    ? t(`decision.${item.outcome.decision}`, { from: rating(item.outcome.from), to: rating(item.outcome.to) })
                    : "—"}
                </td>
                <td>{item.outcome ? format.date(item.outcome.decidedAt) : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
