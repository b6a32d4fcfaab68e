import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { OrganizationForm } from "~/components/admin-organization-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { createOrganization, DISTRICTS, ORGANIZATION_KINDS, OrganizationFormSchema, submitForm } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  return { title: `${t("admin:organizations.new")} — ${t("common:app.name")}`, kinds: ORGANIZATION_KINDS, districts: DISTRICTS };
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const form = await request.formData();
  const failure = await submitForm(form, OrganizationFormSchema, t, (input) => createOrganization({ input, actor }));
  if (failure) return data(failure, { status: 400 });
  throw redirect(`/admin/organizations/${String(form.get("code")).trim()}?saved=1`);
}

export default function NewOrganization() {
  const { kinds, districts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const values = { code: "", name: "", kind: kinds[1] ?? "", district: districts[0] ?? "", members: "0", ...failure?.values };
  return (
    <>
      <AdminNav />
      <h1>{t("organizations.new")}</h1>
      <OrganizationForm values={values} errors={failure?.errors ?? {}} editing={false} kinds={kinds} districts={districts} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
