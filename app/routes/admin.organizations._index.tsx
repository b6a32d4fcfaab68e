import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { DataTable, numeric } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { listOrganizationsAdmin } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { pageError } from "~/utils/page-error.server";
import { pageLinks, Pager } from "~/components/pager";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const url = new URL(request.url);
  const q = (url.searchParams.get("q") ?? "").slice(0, 100);
  let page;
  try {
    page = await listOrganizationsAdmin({ q, cursor: url.searchParams.get("cursor") ?? undefined });
  } catch {
    throw await pageError(request, 400);
  }
  return {
    title: `${t("admin:organizations.title")} — ${t("common:app.name")}`,
    q,
    items: page.items,
    ...pageLinks({ url, nextCursor: page.nextCursor }),
  };
}

export default function AdminOrganizations() {
  const { q, items, nextHref, firstHref } = useLoaderData<typeof loader>();
  const { t } = useTranslation(["admin", "common"]);
  return (
    <>
      <AdminNav />
      <h1>{t("admin:organizations.title")}</h1>
      <p>
        <Link className="button" to="/admin/organizations/new">
          {t("admin:organizations.new")}
        </Link>
      </p>
      <Form method="get" className="admin-inline" role="search">
        <div>
          <label htmlFor="q">{t("admin:organizations.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit">{t("admin:organizations.searchButton")}</button>
      </Form>
      <DataTable
        caption={t("admin:organizations.caption")}
        headers={[
          t("admin:organizations.fields.code"),
          t("admin:organizations.fields.name"),
          t("admin:organizations.fields.district"),
          numeric(t("admin:organizations.fields.members")),
          t("admin:organizations.state"),
        ]}
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
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
