import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AdminNav } from "~/components/admin-nav";
import { PeriodForm } from "~/components/admin-period-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { createPeriod, PeriodFormSchema, submitForm } from "~/utils/admin.server";
import { toVietnamLocalInput } from "../../models/lib/vietnam-time";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const now = new Date();
  return {
    title: `${t("admin:periods.new")} — ${t("common:app.name")}`,
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

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  const form = await request.formData();
  const failure = await submitForm(form, PeriodFormSchema, t, (input) => createPeriod({ input, actor }));
  if (failure) return data(failure, { status: 400 });
  throw redirect(`/admin/periods/${String(form.get("code")).trim()}?saved=1`);
}

export default function NewPeriod() {
  const { defaults } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  return (
    <>
      <AdminNav />
      <h1>{t("periods.new")}</h1>
      <PeriodForm values={{ ...defaults, ...failure?.values }} errors={failure?.errors ?? {}} editing={false} />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
