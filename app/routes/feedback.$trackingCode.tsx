import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat, type LocalizedLabel } from "~/components/locale-format";
import { pageTitle } from "~/components/page-meta";
import { useRatingLabel } from "~/components/rating-revisions";
import { translatorFor } from "~/utils/api.server";
import { findPublishedPeriod } from "~/utils/catalog.server";
import { getFeedbackTracking } from "~/utils/feedback.server";
import { followUpRefusal, requestRemoval, withdrawFeedback } from "~/utils/follow-up.server";
import { pageError } from "~/utils/page-error.server";
import { FollowUpIntentSchema } from "../../models/feedback/report-input";
import type { TrackingRatings } from "../../models/feedback/tracking-rating";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

const DONE = ["withdrawn", "removal-requested"] as const;

/** /feedback/:trackingCode — where a resident follows their view through every state, and withdraws it or asks for its removal. */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const tracking = await getFeedbackTracking({ trackingCode: params.trackingCode ?? "" });
  if (!tracking) throw await pageError(request, 404);
  const t = await translatorFor(request, ["feedback", "common"]);
  const search = new URL(request.url).searchParams;
  const justSent = search.get("new") === "1";
  const done = DONE.find((value) => value === search.get("done")) ?? null;
  // The period's scale names the ratings, from the catalog in memory.
  const scale = (await findPublishedPeriod({ code: tracking.period }))?.ratingScale ?? [];
  return data(
    {
      tracking,
      scale,
      justSent,
      done,
      title: titled(t, t("feedback:tracking.title", { code: tracking.trackingCode })),
    },
    { headers: { "Cache-Control": "private, no-store" } },
  );
}

/** The tracking page's forms: intent=withdraw (pending) or intent=removal (published); POST, then back here (303). */
export async function action({ request, params }: ActionFunctionArgs) {
  const t = await translatorFor(request, ["feedback", "common"]);
  const code = params.trackingCode ?? "";
  const intent = FollowUpIntentSchema.safeParse((await request.formData()).get("intent"));
  if (!intent.success) return data({ message: t("feedback:followUp.errors.intentInvalid") }, { status: 400 });
  try {
    const { status } =
      intent.data === "withdraw" ? await withdrawFeedback({ trackingCode: code }) : await requestRemoval({ trackingCode: code });
    return redirect(`/feedback/${encodeURIComponent(code)}?done=${status}`, 303);
  } catch (error) {
    const refusal = followUpRefusal(error, t);
    if (!refusal) throw error;
    if (refusal.status === 404) throw await pageError(request, 404);
    return data({ message: refusal.message }, { status: refusal.status });
  }
}

/** The one thing the resident can still do, as a real form: withdraw while pending, ask for removal while published. */
function FollowUpForm({ status }: { status: string }) {
  const { t } = useTranslation("feedback");
  const intent = status === "pending" ? "withdraw" : status === "approved" ? "removal" : null;
  if (!intent) return null;
  return (
    <Form method="post" className="follow-up-form" aria-labelledby="follow-up-title">
      <h2 id="follow-up-title">{t(`followUp.${intent}.title`)}</h2>
      <p className="hint">{t(`followUp.${intent}.hint`)}</p>
      <input type="hidden" name="intent" value={intent} />
      <button type="submit" className="secondary">
        {t(`followUp.${intent}.submit`)}
      </button>
    </Form>
  );
}

/** The rating the view was given on and, when a committee has revised it since, what it is now. */
function RatingGiven({ tracking, scale }: { tracking: TrackingRatings; scale: readonly { key: string; label: LocalizedLabel }[] }) {
  const { t } = useTranslation("feedback");
  const format = useLocaleFormat();
  const ratingLabel = useRatingLabel();
  const { ratingGiven, currentRating, ratingRevisedAt } = tracking;
  const revised = { rating: ratingLabel(scale, currentRating), date: ratingRevisedAt ? format.date(ratingRevisedAt) : "" };
  return (
    <>
      <dt>{t("tracking.ratingGiven")}</dt>
      <dd>
        {ratingLabel(scale, ratingGiven)}
        {currentRating === ratingGiven ? null : (
          <p className="rating-revised">{t(ratingRevisedAt ? "tracking.revisedOn" : "tracking.revised", revised)}</p>
        )}
      </dd>
    </>
  );
}

export default function FeedbackTrackingPage() {
  const { tracking, scale, justSent, done } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useTranslation("feedback");
  const { t: tc } = useTranslation("common");
  const format = useLocaleFormat();
  const ratingLabel = useRatingLabel();
  const reason = tracking.rejectReason ? t(`tracking.reasons.${tracking.rejectReason}`) : "";
  return (
    <section aria-labelledby="tracking-title" className="feedback-tracking">
      <h1 id="tracking-title">{t("tracking.title", { code: tracking.trackingCode })}</h1>
      {justSent ? (
        <p className="notice success" role="status">
          {t("tracking.thanks")}
        </p>
      ) : null}
      {done ? (
        <p className="notice success" role="status">
          {t(`followUp.done.${done}`)}
        </p>
      ) : null}
      {refused ? (
        <p className="notice warning" role="alert">
          {refused.message}
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
        <RatingGiven tracking={tracking} scale={scale} />
        <dt>{t("tracking.stance")}</dt>
        <dd>
          <span className={`badge ${tracking.stance}`}>{tc(`stance.${tracking.stance}`)}</span>
        </dd>
        {tracking.proposedRating ? (
          <>
            <dt>{t("tracking.proposed")}</dt>
            <dd>{ratingLabel(scale, tracking.proposedRating)}</dd>
          </>
        ) : null}
        <dt>{t("tracking.sentAt")}</dt>
        <dd>{format.date(tracking.createdAt)}</dd>
        {tracking.decidedAt ? (
          <>
            <dt>{t("tracking.decidedAt")}</dt>
            <dd>{format.date(tracking.decidedAt)}</dd>
          </>
        ) : null}
        {tracking.followUpAt ? (
          <>
            <dt>{t("followUp.changedAt")}</dt>
            <dd>{format.date(tracking.followUpAt)}</dd>
          </>
        ) : null}
      </dl>
      <h2>{t("tracking.body")}</h2>
      <blockquote className="feedback-body">
        <bdi>{tracking.publicBody}</bdi>
      </blockquote>
      <FollowUpForm status={tracking.status} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
