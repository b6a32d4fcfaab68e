import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { commentWindow, listPeriods } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { useLocaleFormat } from "~/components/locale-format";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const periods = await listPeriods({ includeDrafts: true });
  return {
    title: `${t("admin:periods.title")} — ${t("common:app.name")}`,
    periods: periods.map((period) => ({ ...period, window: commentWindow(period) })),
  };
}

export default function AdminPeriods() {
  const { periods } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const format = useLocaleFormat();
  return (
    <>
      <AdminNav />
      <h1>{t("periods.title")}</h1>
      <p>
        <Link className="button" to="/admin/periods/new">
          {t("periods.new")}
        </Link>
      </p>
      <DataTable
        caption={t("periods.caption")}
        headers={[
          t("periods.fields.code"),
          t("periods.fields.titleVi"),
          t("periods.fields.status"),
          t("periods.window"),
          t("periods.actions"),
        ]}
      >
        {periods.map((period) => (
          <tr key={period.id}>
            <td>{period.code}</td>
            <td>{format.label(period.title)}</td>
            <td>{t(`periods.status.${period.status}`)}</td>
            <td>
              {t(`periods.windowState.${period.window}`)} ({format.stamp(period.commentsOpenAt)} – {format.stamp(period.commentsCloseAt)})
            </td>
            <td>
              <Link to={`/admin/periods/${period.code}`}>{t("periods.edit")}</Link> ·{" "}
              <Link to={`/admin/import?period=${period.code}`}>{t("nav.import")}</Link> ·{" "}
              <a href={`/admin/export/${period.code}`} download>
                {t("periods.export")}
              </a>
            </td>
          </tr>
        ))}
      </DataTable>
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
