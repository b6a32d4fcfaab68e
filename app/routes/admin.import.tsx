import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, MaxPartSizeExceededError, unstable_createMemoryUploadHandler, unstable_parseMultipartFormData } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ImportReportSummary } from "~/components/admin-import-report";
import { AdminPage } from "~/components/admin-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { OptionList } from "~/components/option-list";
import { pageTitle } from "~/components/page-meta";
import { importResults, listPeriods, PERIOD_CODE } from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

const MAX_BYTES = 5 * 1024 * 1024;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  const periods = await listPeriods({ includeDrafts: true });
  return {
    title: title(t("admin:import.title")),
    periods: periods.map((period) => ({ code: period.code, title: period.title })),
    selected: new URL(request.url).searchParams.get("period") ?? periods[0]?.code ?? "",
  };
}

/** The upload (preview) comes as multipart with a file; the confirmation re-posts the checked text. */
async function readSubmission(request: Request): Promise<{ intent: string; period: string; bytes: Uint8Array | null }> {
  const multipart = request.headers.get("Content-Type")?.startsWith("multipart/form-data");
  const form = multipart
    ? await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES }))
    : await request.formData();
  const file = form.get("file");
  const text = form.get("csv");
  const bytes =
    file instanceof Blob && file.size > 0
      ? new Uint8Array(await file.arrayBuffer())
      : typeof text === "string" && text
        ? new TextEncoder().encode(text)
        : null;
  return { intent: String(form.get("intent") ?? "preview"), period: String(form.get("period") ?? ""), bytes };
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, t } = await requireAdminPage(request);
  let submission;
  try {
    submission = await readSubmission(request);
  } catch (error) {
    if (!(error instanceof MaxPartSizeExceededError)) throw error;
    return data({ error: t("admin:import.tooLarge"), report: null, csv: "" }, { status: 413 });
  }
  const { intent, period, bytes } = submission;
  if (!PERIOD_CODE.test(period)) return data({ error: t("admin:import.choosePeriod"), report: null, csv: "" }, { status: 400 });
  if (!bytes) return data({ error: t("admin:import.chooseFile"), report: null, csv: "" }, { status: 400 });
  const report = await importResults({ bytes, period, dryRun: intent !== "apply", actor, source: "web" });
  const decoded = report.issues.length === 0 ? new TextDecoder().decode(bytes) : "";
  return data({ error: null, report, csv: report.applied ? "" : decoded }, { status: report.issues.length > 0 ? 400 : 200 });
}

export default function AdminImport() {
  const { periods, selected } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t, i18n } = useTranslation("admin");
  const lang = i18n.language === "en" ? "en" : "vi";
  const report = result?.report ?? null;
  return (
    <AdminPage title={t("import.title")} lead={t("import.lead")}>
      {result?.error ? (
        <p className="form-error" role="alert">
          {result.error}
        </p>
      ) : null}
      {report ? <ImportReportSummary report={report} /> : null}
      {report && !report.applied && report.issues.length === 0 ? (
        <Form method="post" className="admin-form">
          <input type="hidden" name="period" value={report.period} />
          <textarea name="csv" hidden readOnly value={result?.csv ?? ""} aria-hidden="true" />
          <button type="submit" name="intent" value="apply">
            {t("import.confirm", { count: report.created + report.changed })}
          </button>
        </Form>
      ) : null}
      {report?.applied ? (
        <p className="notice success" role="status">
          {t("import.done")} <Link to={`/organizations?period=${report.period}`}>{t("import.seePublic")}</Link>
        </p>
      ) : null}
      <h2>{t("import.uploadTitle")}</h2>
      <Form method="post" encType="multipart/form-data" className="admin-form">
        <div className="field">
          <label htmlFor="period">{t("import.period")}</label>
          <select id="period" name="period" defaultValue={report?.period ?? selected} required>
            <OptionList options={periods.map((period) => ({ value: period.code, label: `${period.code} — ${period.title[lang]}` }))} />
          </select>
        </div>
        <div className="field">
          <label htmlFor="file">{t("import.file")}</label>
          <p className="hint" id="file-hint">
            {t("import.fileHint")}
          </p>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
        </div>
        <button type="submit" name="intent" value="preview">
          {t("import.preview")}
        </button>
      </Form>
      <p>
        {periods.length > 0 ? <a href={`/admin/import-template.csv?period=${report?.period ?? selected}`}>{t("import.template")}</a> : null}
      </p>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
