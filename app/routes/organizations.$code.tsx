import { redirect, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useRouteLoaderData } from "@remix-run/react";
import { Fragment } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { EvaluationFeedback, HCaptchaScript } from "~/components/feedback-form";
import { FeedbackList } from "~/components/feedback-list";
import { RejectionTransparency } from "~/components/moderation-transparency";
import { EvaluationSection } from "~/components/organization-evaluation";
import { OrganizationTrend } from "~/components/organization-trend";
import { EvaluationReply } from "~/components/organization-reply";
import { pageTitle } from "~/components/page-meta";
import type { TFunction } from "i18next";
import { translatorFor } from "~/utils/api.server";
import { getOrganizationDetail, requestLanguage, type OrganizationDetail } from "~/utils/catalog.server";
import { feedbackPanel } from "~/utils/feedback.server";
import { publicRejections } from "~/utils/moderation.server";
import { pageError } from "~/utils/page-error.server";
import { organizationPageAction, replyPanel } from "~/utils/replies.server";
import { organizationAgreementByPeriod } from "~/utils/summary.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** The organization, or a 404 page; a merged duplicate sends the visitor to the organization it became. */
async function requireOrganization(request: Request, code: string | undefined): Promise<OrganizationDetail> {
  const detail = code ? await getOrganizationDetail({ code }) : null;
  if (!detail) throw await pageError(request, 404);
  if (detail.mergedInto) throw redirect(`/organizations/${encodeURIComponent(detail.mergedInto)}`, 301);
  return detail;
}

/** The text a search result or a shared link shows: the newest rating and the published views on it. */
function organizationDescription(t: TFunction, lang: "vi" | "en", organization: OrganizationDetail): string {
  const names = {
    name: organization.name,
    kind: t(`common:kinds.${organization.kind}`, { defaultValue: organization.kind }),
    district: organization.district,
  };
  const latest = organization.evaluations[0];
  const period = organization.periods.find((p) => p.code === latest?.period);
  if (!latest || !period) return t("meta.detailDescriptionUnrated", names);
  const rating = period.ratingScale.find((entry) => entry.key === latest.rating)?.label[lang] ?? latest.rating;
  return t("meta.detailDescription", {
    ...names,
    rating,
    year: period.year,
    agree: latest.counters.agree,
    disagree: latest.counters.disagree,
  });
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const t = await translatorFor(request, ["organizations", "common"]);
  const organization = await requireOrganization(request, params.code);
  const feedback = await feedbackPanel({ request, evaluations: organization.evaluations, periods: organization.periods });
  const rejected = await publicRejections({ organizationCode: organization.code });
  const description = organizationDescription(t, await requestLanguage(request), organization);
  const trend = await organizationAgreementByPeriod({ code: organization.code });
  const replies = await replyPanel({
    request,
    organizationCode: organization.code,
    evaluationIds: organization.evaluations.map((evaluation) => evaluation.id),
  });
  return { title: t("meta.detail", { name: organization.name }), description, organization, feedback, rejected, trend, replies };
}

/** A resident's view posted by the form under an open evaluation (same server function as POST /api/v1/feedback), or the organization's official reply. */
export const action = organizationPageAction;

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
  const { organization, feedback, rejected, trend, replies } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation("organizations");
  const root = useRouteLoaderData<{ cspNonce?: string }>("root");
  const periods = new Map(organization.periods.map((period) => [period.code, period]));
  return (
    <>
      <p className="back-link">
        <Link to="/organizations">{t("detail.back")}</Link>
      </p>
      <h1>{organization.name}</h1>
      <OrganizationFacts organization={organization} />
      <section aria-labelledby="evaluations-title">
        <h2 id="evaluations-title">{t("detail.evaluationsTitle")}</h2>
        {organization.evaluations.length === 0 ? <p>{t("detail.noEvaluations")}</p> : null}
        {organization.evaluations.map((evaluation) => {
          const period = periods.get(evaluation.period);
          return period ? (
            <Fragment key={evaluation.id}>
              <EvaluationSection evaluation={evaluation} period={period} />
              <EvaluationReply evaluationId={evaluation.id} panel={replies} />
              <RejectionTransparency rejected={rejected[evaluation.id] ?? {}} />
              <EvaluationFeedback evaluationId={evaluation.id} period={period} panel={feedback} />
            </Fragment>
          ) : null;
        })}
      </section>
      <OrganizationTrend periods={trend} />
      <FeedbackList {...feedback.list} ratings={Object.fromEntries(organization.evaluations.map((e) => [e.period, e]))} />
      {feedback.captchaSiteKey ? <HCaptchaScript nonce={root?.cspNonce} lang={i18n.language} /> : null}
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
