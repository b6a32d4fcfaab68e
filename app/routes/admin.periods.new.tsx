import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminPage } from "~/components/admin-page";
import { PeriodForm } from "~/components/admin-period-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { createPeriod, PeriodFormSchema } from "~/utils/admin.server";
import { createFromForm, requireAdminPage } from "~/utils/admin-page.server";
import { toVietnamLocalInput } from "../../models/lib/vietnam-time";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  const { t, title } = await requireAdminPage(request);
  const now = new Date();
  return {
    title: title(t("admin:periods.new")),
    defaults: {
      code: "",
      year: String(now.getFullYear()),
      titleVi: "",
      titleEn: "",
      ratingScale: "",
      memberScale: "",
      commentsOpenAt: toVietnamLocalInput(now),
      commentsCloseAt: toVietnamLocalInput(new Date(now.getTime() + 90 * 86_400_000)),
      status: "draft",
    },
  };
}

export function action(args: ActionFunctionArgs) {
  return createFromForm(args, { schema: PeriodFormSchema, create: createPeriod, base: "/admin/periods" });
}

export default function NewPeriod() {
  const { defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <AdminPage title={t("periods.new")}>
      <PeriodForm values={{ ...defaults, ...failure?.values }} errors={failure?.errors ?? {}} editing={false} />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
