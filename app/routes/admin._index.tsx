import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { requireAdminPage } from "~/utils/admin-page.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  return { title: title(t("admin:home.title")) };
}

const SECTIONS = ["periods", "organizations", "import", "users", "words"] as const;

export default function AdminHome() {
  useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <AdminPage title={t("home.title")}>
      <ul className="admin-sections">
        {SECTIONS.map((section) => (
          <li key={section}>
            <h2>
              <Link to={`/admin/${section}`}>{t(`nav.${section}`)}</Link>
            </h2>
            <p>{t(`home.${section}`)}</p>
          </li>
        ))}
      </ul>
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
