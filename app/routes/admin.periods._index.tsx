import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { commentWindow, listPeriods } from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { useLocaleFormat } from "~/components/locale-format";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  const periods = await listPeriods({ includeDrafts: true });
  return {
    title: title(t("admin:periods.title")),
    periods: periods.map((period) => ({ ...period, window: commentWindow(period) })),
  };
}

export default function AdminPeriods() {
  const { periods } = useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  const format = useLocaleFormat();
  const field = (name: string) => t(`periods.fields.${name}`);
  return (
    <AdminPage title={t("periods.title")} create={{ to: "/admin/periods/new", label: t("periods.new") }}>
      <DataTable
        caption={t("periods.caption")}
        headers={[field("code"), field("titleVi"), field("status"), t("periods.window"), t("periods.actions")]}
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
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
