import { data, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { pageTitle } from "~/components/page-meta";
import { translatorFor } from "~/utils/api.server";
import { getFeedbackTracking } from "~/utils/feedback.server";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

/** /feedback/:trackingCode — where a resident follows their view: pending, published, or rejected with the reason. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const tracking = await getFeedbackTracking({ trackingCode: params.trackingCode ?? "" });
  if (!tracking) throw await pageError(request, 404);
  const t = await translatorFor(request, ["feedback", "common"]);
  const justSent = new URL(request.url).searchParams.get("new") === "1";
  return data(
    { tracking, justSent, title: `${t("feedback:tracking.title", { code: tracking.trackingCode })} — ${t("common:app.name")}` },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

export default function FeedbackTrackingPage() {
  const { tracking, justSent } = useLoaderData<typeof loader>();
  const { t } = useTranslation("feedback");
  const { t: tc } = useTranslation("common");
  const format = useLocaleFormat();
  const reason = tracking.rejectReason ? t(`tracking.reasons.${tracking.rejectReason}`) : "";
  return (
    <section aria-labelledby="tracking-title" className="feedback-tracking">
      <h1 id="tracking-title">{t("tracking.title", { code: tracking.trackingCode })}</h1>
      {justSent ? (
        <p className="notice success" role="status">
          {t("tracking.thanks")}
        </p>
      ) : null}
      <dl className="tracking-facts">
        <dt>{t("tracking.code")}</dt>
        <dd>
          <code className="tracking-code">{tracking.trackingCode}</code>
        </dd>
        <dt>{t("tracking.status")}</dt>
        <dd>
          <span className={`badge status-${tracking.status}`}>{t(`tracking.statuses.${tracking.status}`)}</span>{" "}
          {t(`tracking.explain.${tracking.status}`, { reason })}
        </dd>
        <dt>{t("tracking.organization")}</dt>
        <dd>
          <Link to={`/organizations/${encodeURIComponent(tracking.organization.code)}`}>{tracking.organization.name}</Link>
        </dd>
        <dt>{t("tracking.period")}</dt>
        <dd>{tracking.period}</dd>
        <dt>{t("tracking.stance")}</dt>
        <dd>
          <span className={`badge ${tracking.stance}`}>{tc(`stance.${tracking.stance}`)}</span>
        </dd>
        <dt>{t("tracking.sentAt")}</dt>
        <dd>{format.date(tracking.createdAt)}</dd>
        {tracking.decidedAt ? (
          <>
            <dt>{t("tracking.decidedAt")}</dt>
            <dd>{format.date(tracking.decidedAt)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("tracking.body")}</h2>
      <blockquote className="feedback-body">{tracking.publicBody}</blockquote>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
