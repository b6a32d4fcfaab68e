import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { DataTable, numeric } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { listOrganizationsAdmin } from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { pageError } from "~/utils/page-error.server";
import { pageLinks, Pager } from "~/components/pager";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  let page;
  try {
    page = await listOrganizationsAdmin({ q, cursor: url.searchParams.get("cursor") ?? undefined });
  } catch {
    throw await pageError(request, 400);
  }
  return {
    title: title(t("admin:organizations.title")),
    q,
    items: page.items,
    ...pageLinks({ url, nextCursor: page.nextCursor }),
  };
}

export default function AdminOrganizations() {
  const { q, items, nextHref, firstHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "common"]);
  const field = (name: string) => t(`admin:organizations.fields.${name}`);
  return (
    <AdminPage title={t("admin:organizations.title")} create={{ to: "/admin/organizations/new", label: t("admin:organizations.new") }}>
      <Form method="get" className="admin-inline" role="search">
        <div>
          <label htmlFor="q">{t("admin:organizations.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">{t("admin:organizations.searchButton")}</button>
      </Form>
      <DataTable
        caption={t("admin:organizations.caption")}
        headers={[field("code"), field("name"), field("district"), numeric(field("members")), t("admin:organizations.state")]}
      >
        {items.map((org) => (
          <tr key={org.id}>
            <td>
              <Link to={`/admin/organizations/${org.code}`}>{org.code}</Link>
            </td>
            <td>{org.name}</td>
            <td>{org.district}</td>
            <td className="num">{org.members}</td>
            <td>
              {org.mergedInto
                ? t("admin:organizations.mergedInto", { code: org.mergedInto })
                : t(org.active ? "admin:organizations.active" : "admin:organizations.inactive")}
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager nextHref={nextHref} firstHref={firstHref} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
