import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { PeriodForm } from "~/components/admin-period-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import {
  commentWindow,
  formatScale,
  getPeriod,
  PERIOD_CODE,
  setCommentWindow,
  PeriodFormSchema,
  submitForm,
  updatePeriod,
} from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { foundOr404 } from "~/utils/page-error.server";
import { ReviewThresholdsForm, thresholdValuesShown } from "~/components/review-thresholds-form";
import {
  getReviewThresholds,
  openDueReviews,
  ReviewThresholdsFormSchema,
  saveReviewThresholds,
  thresholdsFormValues,
  type ReviewThresholds,
} from "~/utils/reviews.server";
import { toVietnamLocalInput } from "../../models/lib/vietnam-time";

export const meta: MetaFunction<typeof loader> = pageTitle;

async function periodOr404(request: Request, code: string | undefined) {
  return foundOr404(request, code && PERIOD_CODE.test(code) ? getPeriod({ code }) : null);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  const period = await periodOr404(request, params.code);
  return {
    title: title(t("admin:periods.editTitle", { code: period.code })),
    code: period.code,
    window: commentWindow(period),
    saved: new URL(request.url).searchParams.get("saved") === "1",
    thresholdsSaved: new URL(request.url).searchParams.get("saved") === "thresholds",
    thresholds: thresholdsFormValues(await getReviewThresholds({ period: period.code })),
    values: {
      code: period.code,
      year: String(period.year),
      titleVi: period.title.vi,
      titleEn: period.title.en,
      ratingScale: formatScale(period.ratingScale),
      memberScale: formatScale(period.memberScale),
      commentsOpenAt: toVietnamLocalInput(period.commentsOpenAt),
      commentsCloseAt: toVietnamLocalInput(period.commentsCloseAt),
      status: period.status,
    },
  };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireAdminPage(request);
  const period = await periodOr404(request, params.code);
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "review-thresholds") {
    // New thresholds apply at once: evaluations already over them get their case now, not at the next approval.
    const save = async (thresholds: ReviewThresholds) => {
      await saveReviewThresholds({ period: period.code, thresholds, actor });
      await openDueReviews({ period: period.code, actor });
    };
    const failure = await submitForm(form, ReviewThresholdsFormSchema, t, save);
    if (failure) return data({ ...failure, form: "thresholds" as const }, { status: 400 });
    throw redirect(`/admin/periods/${period.code}?saved=thresholds`);
  }
  if (intent === "open-window" || intent === "close-window") {
    await setCommentWindow({ code: period.code, open: intent === "open-window", actor });
  } else {
    const failure = await submitForm(form, PeriodFormSchema, t, (input) => updatePeriod({ code: period.code, input, actor }));
    if (failure) return data(failure, { status: 400 });
  }
  throw redirect(`/admin/periods/${period.code}?saved=1`);
}

export default function EditPeriod() {
  const { code, values, window, saved, thresholds, thresholdsSaved } = useLoaderData<typeof loader>();
  const posted = useActionData<typeof action>();
  const thresholdFailure = posted && "form" in posted ? posted : undefined;
  const failure = thresholdFailure ? undefined : posted;
  const { t } = useTranslation("admin");
  return (
    <AdminPage title={t("periods.editTitle", { code })} notice={saved && !failure ? t("periods.saved") : null}>
      <section aria-labelledby="window-title" className="admin-window">
        <h2 id="window-title">{t("periods.window")}</h2>
        <p>{t(`periods.windowState.${window}`)}</p>
        <Form method="post">
          {window === "open" ? (
            <button type="submit" name="intent" value="close-window" className="secondary">
              {t("periods.closeWindow")}
            </button>
          ) : (
            <button type="submit" name="intent" value="open-window">
              {t("periods.openWindow")}
            </button>
          )}
        </Form>
      </section>
      <h2>{t("periods.details")}</h2>
      <PeriodForm values={{ ...values, ...failure?.values }} errors={failure?.errors ?? {}} editing />
      <ReviewThresholdsForm
        values={thresholdValuesShown(thresholds, thresholdFailure?.values)}
        errors={thresholdFailure?.errors ?? {}}
        saved={thresholdsSaved && !posted}
      />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
