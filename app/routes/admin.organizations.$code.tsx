import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TextField } from "~/components/text-field";
import { AdminPage } from "~/components/admin-page";
import { OrganizationForm } from "~/components/admin-organization-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { pageTitle } from "~/components/page-meta";
import {
  DISTRICTS,
  getOrganizationAdmin,
  mergeOrganization,
  mergeProgress,
  ORGANIZATION_KINDS,
  OrganizationFormSchema,
  setOrganizationActive,
  submitForm,
  updateOrganization,
  type MergeProgress,
} from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { foundOr404 } from "~/utils/page-error.server";
import { organizationCodeSchema } from "../../models/lib/codes";

export const meta: MetaFunction<typeof loader> = pageTitle;

const MergeSchema = z.object({
  into: organizationCodeSchema("admin:organizations.errors.code"),
});

async function organizationOr404(request: Request, code: string | undefined) {
  return foundOr404(request, code && code.length <= 40 ? getOrganizationAdmin({ code }) : null);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { title } = await requireAdminPage(request);
  const org = await organizationOr404(request, params.code);
  const saved = new URL(request.url).searchParams.get("saved");
  const merge = await mergeProgress({ organizationId: org.id });
  return { title: title(org.name), org, merge, saved, kinds: ORGANIZATION_KINDS, districts: DISTRICTS };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const { actor, t } = await requireAdminPage(request);
  const org = await organizationOr404(request, params.code);
  const form = await request.formData();
  const intent = form.get("intent");
  const back = (saved: string) => redirect(`/admin/organizations/${org.code}?saved=${saved}`);
  if (intent === "deactivate" || intent === "activate") {
    await setOrganizationActive({ code: org.code, active: intent === "activate", actor });
    throw back(intent);
  }
  if (intent === "merge") {
    const failure = await submitForm(form, MergeSchema, t, ({ into }) => mergeOrganization({ code: org.code, into, actor }));
    if (failure) return data({ ...failure, intent: "merge" }, { status: 400 });
    throw back("merge");
  }
  const failure = await submitForm(form, OrganizationFormSchema, t, (input) => updateOrganization({ code: org.code, input, actor }));
  if (failure) return data({ ...failure, intent: "save" }, { status: 400 });
  throw back("save");
}

export default function EditOrganization() {
  const { org, merge, saved, kinds, districts } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const saveFailure = failure?.intent === "save" ? failure : null;
  const mergeError = failure?.intent === "merge" ? (failure.errors.into ?? failure.errors._form) : undefined;
  const values = {
    code: org.code,
    name: org.name,
    kind: org.kind,
    district: org.district,
    members: String(org.members),
    ...saveFailure?.values,
  };
  return (
    <AdminPage title={`${org.name} (${org.code})`} notice={saved && !failure ? t(`organizations.saved.${savedNotice(saved)}`) : null}>
      <p>
        {org.mergedInto
          ? t("organizations.mergedInto", { code: org.mergedInto })
          : t(org.active ? "organizations.active" : "organizations.inactive")}{" "}
        · {t("organizations.periods", { periods: org.periods.join(", ") || "—" })} ·{" "}
        <Link to={`/organizations/${org.code}`}>{t("organizations.publicPage")}</Link>
      </p>
      {merge ? <MergeStatus merge={merge} /> : null}
      <h2>{t("organizations.details")}</h2>
      <OrganizationForm values={values} errors={saveFailure?.errors ?? {}} editing kinds={kinds} districts={districts} />
      <h2>{t("organizations.stateTitle")}</h2>
      <Form method="post">
        <button type="submit" name="intent" value={org.active ? "deactivate" : "activate"} className="secondary">
          {t(org.active ? "organizations.deactivate" : "organizations.activate")}
        </button>
      </Form>
      {org.mergedInto ? null : (
        <>
          <h2>{t("organizations.mergeTitle")}</h2>
          <Form method="post" className="admin-form">
            <TextField
              name="into"
              label={t("organizations.mergeInto")}
              error={mergeError}
              hint={t("organizations.mergeHint")}
              type="text"
              required
              defaultValue={failure?.intent === "merge" ? failure.values.into : ""}
            />
            <button type="submit" name="intent" value="merge">
              {t("organizations.merge")}
            </button>
          </Form>
        </>
      )}
    </AdminPage>
  );
}

/** The notice after a redirect with `?saved=`: one of the state changes, else the details' save. */
function savedNotice(saved: string) {
  return saved === "merge" || saved === "activate" || saved === "deactivate" ? saved : "save";
}

/** Where a recorded merge stands: feedback moved so far, or finished and recounted. */
function MergeStatus({ merge }: { merge: MergeProgress }) {
  const { t } = useTranslation("admin");
  const { date, number } = useLocaleFormat();
  const params = {
    code: merge.into,
    moved: number(merge.moved),
    startedAt: date(merge.startedAt),
    finishedAt: merge.finishedAt ? date(merge.finishedAt) : "",
  };
  return (
    <p className="notice" role="status">
      {t(merge.status === "done" ? "organizations.mergeDone" : "organizations.mergeRunning", params)}
    </p>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
