import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  return { title: `${t("admin:home.title")} — ${t("common:app.name")}` };
}

const SECTIONS = ["periods", "organizations", "import", "users", "words"] as const;

export default function AdminHome() {
  useLoaderData<typeof loader>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <h1>{t("home.title")}</h1>
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
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
