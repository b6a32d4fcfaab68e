import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { EvaluationSection } from "~/components/organization-evaluation";
import { pageTitle } from "~/components/page-meta";
import { translatorFor } from "~/utils/api.server";
import { getOrganizationDetail, type OrganizationDetail } from "~/utils/catalog.server";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** The organization, or a 404 page; a merged duplicate sends the visitor to the organization it became. */
async function requireOrganization(request: Request, code: string | undefined): Promise<OrganizationDetail> {
  const detail = code ? await getOrganizationDetail({ code }) : null;
  if (!detail) throw await pageError(request, 404);
  if (detail.mergedInto) throw redirect(`/organizations/${encodeURIComponent(detail.mergedInto)}`, 301);
  return detail;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await translatorFor(request, "organizations");
  const organization = await requireOrganization(request, params.code);
  return { title: t("meta.detail", { name: organization.name }), organization };
}

function OrganizationFacts({ organization }: { organization: OrganizationDetail }) {
  const { t } = useTranslation(["organizations", "common"]);
  const format = useLocaleFormat();
  const facts = [
    { key: "code", label: t("detail.code"), value: organization.code },
    { key: "kind", label: t("detail.kind"), value: t(`common:kinds.${organization.kind}`, { defaultValue: organization.kind }) },
    { key: "district", label: t("detail.district"), value: organization.district },
    { key: "members", label: t("detail.members"), value: format.number(organization.members) },
  ];
  return (
    <dl className="facts">
      {facts.map((fact) => (
        <div key={fact.key}>
          <dt>{fact.label}</dt>
          <dd>{fact.value}</dd>
        </div>
      ))}
    </dl>
  );
}

export default function OrganizationPage() {
  const { organization } = useLoaderData<typeof loader>();
  const { t } = useTranslation("organizations");
  const periods = new Map(organization.periods.map((period) => [period.code, period]));
  return (
    <>
      <p>
        <Link to="/organizations">{t("detail.back")}</Link>
      </p>
      <h1>{organization.name}</h1>
      <OrganizationFacts organization={organization} />
      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t("detail.evaluationsTitle")}</h2>
        {organization.evaluations.length === 0 ? <p>{t("detail.noEvaluations")}</p> : null}
        {organization.evaluations.map((evaluation) => {
          const period = periods.get(evaluation.period);
          return period ? <EvaluationSection key={evaluation.id} evaluation={evaluation} period={period} /> : null;
        })}
      </section>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
