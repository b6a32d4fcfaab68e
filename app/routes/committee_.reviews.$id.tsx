import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { caseHref, CaseComments, CaseNumbersLine, useRatingLabel } from "~/components/review-cases";
import { ReviewDecisionForm } from "~/components/review-decision-form";
import { fieldErrors, translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { findPublishedPeriod } from "~/utils/catalog.server";
import { foundOr404, pageError } from "~/utils/page-error.server";
import { CASE_ID, decideReview, ReviewActionError, ReviewDecisionSchema, startReview, workedCase } from "~/utils/reviews.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.pageTitle ?? "Công Khai" }];

function caseOr404(request: Request, id: string | undefined) {
  return foundOr404(request, id && CASE_ID.test(id) ? workedCase({ id }) : null);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireRole(request, "committee");
  const item = await caseOr404(request, params.id);
  const t = await translatorFor(request, ["reviews", "common"]);
  const period = await findPublishedPeriod({ code: item.period });
  return {
    pageTitle: `${t("reviews:case.title", { name: item.organizationName })} · ${t("common:app.name")}`,
    item,
    scale: period?.ratingScale ?? [],
    done: new URL(request.url).searchParams.get("done"),
  };
}

/** start (open → under review) or decide (under review → decided); a case someone else moved first answers 409. */
export async function action({ request, params }: ActionFunctionArgs) {
  const actor = await requireRole(request, "committee");
  // The workflow reads the case itself (a missing one answers 404 below); the page's comments are not needed here.
  if (!params.id || !CASE_ID.test(params.id)) throw await pageError(request, 404);
  const item = { id: params.id };
  const t = await translatorFor(request, ["reviews", "common"]);
  const form = await request.formData();
  const intent = form.get("intent");
  const values = { decision: String(form.get("decision") ?? ""), to: String(form.get("to") ?? ""), note: String(form.get("note") ?? "") };
  try {
    if (intent === "start") {
      await startReview({ id: item.id, actor });
    } else {
      const parsed = ReviewDecisionSchema.safeParse(values);
      if (!parsed.success) return data({ errors: fieldErrors(parsed.error, t), values }, { status: 400 });
      await decideReview({ id: item.id, input: parsed.data, actor });
    }
  } catch (error) {
    if (!(error instanceof ReviewActionError)) throw error;
    return data({ errors: { _form: t(`reviews:errors.${error.code}`) }, values }, { status: error.status });
  }
  throw redirect(`${caseHref(item.id)}?done=${intent === "start" ? "start" : "decide"}`);
}

export default function ReviewCasePage() {
  const { t } = useTranslation("reviews");
  const { item, scale, done } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const format = useLocaleFormat();
  const labels = Object.fromEntries(scale.map((s) => [s.key, s.label]));
  const rating = useRatingLabel(labels);
  return (
    <article aria-labelledby="case-title">
      <p>
        <Link to={`/committee/reviews?period=${encodeURIComponent(item.period)}`}>{t("case.back")}</Link>
      </p>
      <h1 id="case-title">{t("case.title", { name: item.organizationName })}</h1>
      {done && !failure ? (
        <p className="notice success" role="status">
          {t(`case.done.${done === "start" ? "start" : "decide"}`)}
        </p>
      ) : null}
      {failure?.errors._form ? (
        <p className="notice error" role="alert">
          {failure.errors._form}
        </p>
      ) : null}
      <dl className="case-facts">
        <dt>{t("case.status")}</dt>
        <dd>{t(`status.${item.status}`)}</dd>
        <dt>{t("case.rating")}</dt>
        <dd>{rating(item.rating)}</dd>
        <dt>{t("case.reason")}</dt>
        <dd>{t(`reason.${item.reason}`)}</dd>
        <dt>{t("case.openedAt")}</dt>
        <dd>{format.dateTime(item.openedAt)}</dd>
      </dl>
      <h2>{t("case.atOpening")}</h2>
      <CaseNumbersLine numbers={item.numbers} />
      <h2>{t("case.now")}</h2>
      <CaseNumbersLine numbers={item.current} />
      <h2>{t("case.comments")}</h2>
      <CaseComments comments={item.comments} labels={labels} open />
      {item.status === "open" ? (
        <Form method="post">
          <button type="submit" name="intent" value="start">
            {t("case.start")}
          </button>
        </Form>
      ) : null}
      {item.status === "under-review" ? (
        <ReviewDecisionForm scale={scale} current={item.currentRating} errors={failure?.errors ?? {}} values={failure?.values} />
      ) : null}
      {item.outcome ? (
        <section aria-labelledby="outcome-title">
          <h2 id="outcome-title">{t("case.outcome")}</h2>
          <p>{t(`decision.${item.outcome.decision}`, { from: rating(item.outcome.from), to: rating(item.outcome.to) })}</p>
          <p>{t("case.decidedAt", { date: format.dateTime(item.outcome.decidedAt) })}</p>
          <blockquote>{item.outcome.note}</blockquote>
        </section>
      ) : null}
    </article>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
