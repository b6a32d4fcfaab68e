import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { OrganizationFilters, type FilterValues } from "~/components/organization-filters";
import { pageTitle } from "~/components/page-meta";
import { pageLinks, Pager } from "~/components/pager";
import { translatorFor } from "~/utils/api.server";
import { DISTRICTS, publishedPeriods, loadCatalog, requestLanguage, type OrganizationListItem } from "~/utils/catalog.server";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["organizations", "common"]);
  const [result, periods, lang] = await Promise.all([
    loadCatalog(new URL(request.url).searchParams, t),
    publishedPeriods(),
    requestLanguage(request),
  ]);
  if (!result.ok) throw await pageError(request, 400);
  const { period, query, page } = result;
  const filters: FilterValues = { period: period?.code, district: query.district, rating: query.rating, q: query.q };
  return {
    title: t("meta.list", { period: period?.title[lang] ?? "" }),
    description: t("meta.listDescription", { total: page.total, period: period?.title[lang] ?? "" }),
    filters,
    options: {
      periods: periods.map((p) => ({ code: p.code, title: p.title })),
      districts: DISTRICTS,
      ratingScale: period?.ratingScale ?? [],
    },
    page,
    ...pageLinks({ url: new URL(request.url), nextCursor: page.nextCursor, query: { ...filters } }),
  };
}

function OrganizationRow({ item, ratingLabel }: { item: OrganizationListItem; ratingLabel: string }) {
  const { t } = useTranslation(["organizations", "common"]);
  const format = useLocaleFormat();
  return (
    <li>
      <h3 className="org-name">
        <Link to={`/organizations/${encodeURIComponent(item.code)}`}>{item.name}</Link>
      </h3>
      <p className="meta">
        {t(`common:kinds.${item.kind}`, { defaultValue: item.kind })} · {item.district} ·{" "}
        {t("list.members", { total: format.number(item.members) })}
      </p>
      <p>
        <span className="badge rating" data-rating={item.rating}>
          {ratingLabel}
        </span>
      </p>
    </li>
  );
}

export default function Organizations() {
  const { filters, options, page, nextHref, firstHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const ratingLabel = (key: string) => {
    const entry = options.ratingScale.find((e) => e.key === key);
    return entry ? format.label(entry.label) : key;
  };
  return (
    <>
      <h1>{t("list.title")}</h1>
      <OrganizationFilters values={filters} options={options} />
      <section aria-labelledby="results-title">
        <h2 id="results-title">{t("list.resultsTitle")}</h2>
        <p role="status" data-testid="total">
          {t("list.total", { total: format.number(page.total) })}
        </p>
        {page.items.length === 0 ? (
          <p>{t("list.empty")}</p>
        ) : (
          <ul className="org-list">
            {page.items.map((item) => (
              <OrganizationRow key={item.code} item={item} ratingLabel={ratingLabel(item.rating)} />
            ))}
          </ul>
        )}
        <Pager nextHref={nextHref} firstHref={firstHref} />
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
