import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { Field, fieldAria } from "~/components/field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { submitForm } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { reportThreshold, setReportThreshold } from "~/utils/follow-up.server";
import { ReportThresholdSchema } from "../../models/feedback/report-input";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** /admin/reports — how many readers' reports hide a published comment until a moderator looks. */
export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  return { title: `${t("admin:reports.title")} — ${t("common:app.name")}`, threshold: await reportThreshold() };
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const failure = await submitForm(await request.formData(), ReportThresholdSchema, t, (input) =>
    setReportThreshold({ threshold: input.threshold, admin }),
  );
  if (failure) return data(failure, { status: 400 });
  return { errors: {} as Record<string, string>, values: {} as Record<string, string>, done: true };
}

export default function AdminReports() {
  const { threshold } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation(["admin", "common"]);
  const done = result && "done" in result;
  const error = done ? undefined : result?.errors.threshold;
  return (
    <>
      <AdminNav />
      <h1>{t("admin:reports.title")}</h1>
      <p className="lead">{t("admin:reports.lead")}</p>
      {done ? (
        <p className="notice success" role="status">
          {t("admin:reports.saved", { count: threshold })}
        </p>
      ) : null}
      <Form method="post" className="admin-form">
        <Field id="threshold" label={t("admin:reports.threshold")} error={error} hint={t("admin:reports.hint")}>
          <input
            id="threshold"
            name="threshold"
            type="number"
            min={1}
            max={100}
            required
            defaultValue={done ? threshold : (result?.values.threshold ?? threshold)}
            {...fieldAria("threshold", { error, hint: true })}
          />
        </Field>
        <button type="submit">{t("admin:reports.save")}</button>
      </Form>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
