import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { OrganizationForm } from "~/components/admin-organization-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { createOrganization, DISTRICTS, ORGANIZATION_KINDS, OrganizationFormSchema } from "~/utils/admin.server";
import { createFromForm, requireAdminPage } from "~/utils/admin-page.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  return { title: title(t("admin:organizations.new")), kinds: ORGANIZATION_KINDS, districts: DISTRICTS };
}

export function action(args: ActionFunctionArgs) {
  return createFromForm(args, { schema: OrganizationFormSchema, create: createOrganization, base: "/admin/organizations" });
}

export default function NewOrganization() {
  const { kinds, districts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const values = { code: "", name: "", kind: kinds[1] ?? "", district: districts[0] ?? "", members: "0", ...failure?.values };
  return (
    <AdminPage title={t("organizations.new")}>
      <OrganizationForm values={values} errors={failure?.errors ?? {}} editing={false} kinds={kinds} districts={districts} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
