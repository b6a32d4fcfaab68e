import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/text-field";
import { AdminPage } from "~/components/admin-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { submitForm } from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { reportThreshold, setReportThreshold } from "~/utils/follow-up.server";
import { ReportThresholdSchema } from "../../models/feedback/report-input";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** /admin/reports — how many readers' reports hide a published comment until a moderator looks. */
export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  return { title: title(t("admin:reports.title")), threshold: await reportThreshold() };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor: admin, t } = await requireAdminPage(request);
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
  return (
    <AdminPage
      title={t("admin:reports.title")}
      lead={t("admin:reports.lead")}
      notice={done ? t("admin:reports.saved", { count: threshold }) : null}
    >
      <Form method="post" className="admin-form">
        <TextField
          name="threshold"
          label={t("admin:reports.threshold")}
          error={done ? undefined : result?.errors.threshold}
          hint={t("admin:reports.hint")}
          type="number"
          min={1}
          max={100}
          required
          defaultValue={done ? threshold : (result?.values.threshold ?? threshold)}
        />
        <button type="submit">{t("admin:reports.save")}</button>
      </Form>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
