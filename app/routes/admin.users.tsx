import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { SelectField, type FormReply } from "~/components/admin-form";
import { TextField } from "~/components/text-field";
import { AdminPage } from "~/components/admin-page";
import { Field, fieldAria } from "~/components/field";
import { RowAction } from "~/components/row-action";
import { DataTable } from "~/components/data-table";
import { useLocaleFormat } from "~/components/locale-format";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { OptionList } from "~/components/option-list";
import { Pager } from "~/components/pager";
import {
  InvalidCursor,
  InviteFormSchema,
  inviteUser,
  listStaff,
  organizationChoices,
  ROLES,
  RoleFormSchema,
  setUserDisabled,
  STAFF_ROLES,
  changeRole,
  submitForm,
  unlockAccount,
} from "~/utils/admin.server";
import { requireAdminPage } from "~/utils/admin-page.server";
import { pageError } from "~/utils/page-error.server";

export const meta: MetaFunction<typeof loader> = pageTitle;

const AccountSchema = z.object({ userId: z.string().regex(/^[0-9a-f]{24}$/, "admin:users.errors.notFound") });

const StaffQuerySchema = z.object({ cursor: z.string().max(200).optional() });

export async function loader({ request }: LoaderFunctionArgs) {
  const { actor: me, t, title } = await requireAdminPage(request);
  const query = StaffQuerySchema.safeParse({ cursor: new URL(request.url).searchParams.get("cursor") ?? undefined });
  if (!query.success) throw await pageError(request, 400);
  try {
    const page = await listStaff({ cursor: query.data.cursor });
    const organizations = await organizationChoices();
    return {
      title: title(t("admin:users.title")),
      users: page.items,
      nextCursor: page.nextCursor,
      paged: Boolean(query.data.cursor),
      me: me.id,
      roles: ROLES,
      staffRoles: STAFF_ROLES,
      organizations,
    };
  } catch (error) {
    if (error instanceof InvalidCursor) throw await pageError(request, 400);
    throw error;
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const { actor, t } = await requireAdminPage(request);
  const form = await request.formData();
  const intent = String(form.get("intent") ?? "");
  let link: string | null = null;
  let failure = null;
  if (intent === "invite") {
    failure = await submitForm(form, InviteFormSchema, t, async (input) => {
      const { token } = await inviteUser({ ...input, actor });
      link = `${new URL(request.url).origin}/invite/${token}`;
    });
  } else if (intent === "role") {
    failure = await submitForm(form, RoleFormSchema, t, (input) => changeRole({ ...input, actor }));
  } else if (intent === "unlock") {
    failure = await submitForm(form, AccountSchema, t, ({ userId }) => unlockAccount({ userId, actor }));
  } else {
    const disabled = intent === "disable";
    failure = await submitForm(form, AccountSchema, t, ({ userId }) => setUserDisabled({ userId, disabled, actor }));
  }
  if (failure) return data({ intent, link: null, ...failure }, { status: 400 });
  return { intent, link, errors: {} as Record<string, string>, values: {} as Record<string, string> };
}

type Organization = { code: string; name: string };

/** The organization an `organization` account speaks for: a code, with the catalog's codes offered as suggestions. */
function OrganizationField({ error, value, organizations }: { error?: string; value?: string; organizations: Organization[] }) {
  const { t } = useTranslation("admin");
  return (
    <Field id="organization" label={t("users.organization")} error={error} hint={t("users.organizationHint")}>
      <input
        id="organization"
        name="organization"
        list="organization-codes"
        defaultValue={value ?? ""}
        autoComplete="off"
        {...fieldAria("organization", { error, hint: true })}
      />
      <datalist id="organization-codes">
        <OptionList options={organizations.map(({ code, name }) => ({ value: code, label: name }))} />
      </datalist>
    </Field>
  );
}

function InviteForm({ errors, values, roles, organizations }: FormReply & { roles: readonly string[]; organizations: Organization[] }) {
  const { t } = useTranslation("admin");
  return (
    <Form method="post" className="admin-form">
      <TextField name="email" label={t("users.email")} error={errors.email} type="email" required defaultValue={values.email ?? ""} />
      <SelectField
        name="role"
        label={t("users.role")}
        error={errors.role}
        value={values.role}
        options={roles}
        optionLabel={(role) => t(`users.roles.${role}`)}
      />
      <OrganizationField error={errors.organization} value={values.organization} organizations={organizations} />
      <button type="submit" name="intent" value="invite">
        {t("users.invite")}
      </button>
    </Form>
  );
}

export default function AdminUsers() {
  const { users, nextCursor, paged, me, roles, staffRoles, organizations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const format = useLocaleFormat();
  const inviteErrors = result?.intent === "invite" ? result.errors : {};
  const rowError = result && result.intent !== "invite" ? Object.values(result.errors)[0] : undefined;
  return (
    <AdminPage title={t("users.title")}>
      {result?.link ? (
        <div className="notice success" role="status">
          <p>{t("users.linkShown")}</p>
          <p className="one-time-link">{result.link}</p>
        </div>
      ) : null}
      {rowError ? (
        <p className="form-error" role="alert">
          {rowError}
        </p>
      ) : null}
      <h2>{t("users.inviteTitle")}</h2>
      <InviteForm
        errors={inviteErrors}
        values={result?.intent === "invite" ? result.values : {}}
        roles={roles}
        organizations={organizations}
      />
      <DataTable caption={t("users.caption")} headers={[t("users.email"), t("users.role"), t("users.state"), t("users.actions")]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>
              {user.email}
              {user.id === me ? ` (${t("users.you")})` : ""}
            </td>
            <td>
              {user.organization ? (
                t("users.organizationAccount", { code: user.organization })
              ) : (
                <Form method="post" className="admin-inline">
                  <input type="hidden" name="userId" value={user.id} />
                  <label htmlFor={`role-${user.id}`} className="visually-hidden">
                    {t("users.roleOf", { email: user.email })}
                  </label>
                  <select id={`role-${user.id}`} name="role" defaultValue={user.role}>
                    <OptionList options={staffRoles.map((role) => ({ value: role, label: t(`users.roles.${role}`) }))} />
                  </select>
                  <button
                    type="submit"
                    name="intent"
                    value="role"
                    className="secondary"
                    aria-label={t("users.changeRoleOf", { email: user.email })}
                  >
                    {t("users.changeRole")}
                  </button>
                </Form>
              )}
            </td>
            <td>
              {t(user.disabled ? "users.disabled" : user.invited ? "users.invited" : "users.enabled")}
              {user.signInDelayedUntil ? (
                <p className="hint">{t("users.signInDelayed", { time: format.dateTime(user.signInDelayedUntil) })}</p>
              ) : null}
            </td>
            <td>
              {user.signInDelayedUntil ? (
                <RowAction
                  fields={{ userId: user.id }}
                  intent="unlock"
                  label={t("users.unlock")}
                  ariaLabel={t("users.unlockOf", { email: user.email })}
                />
              ) : null}
              <RowAction
                fields={{ userId: user.id }}
                intent={user.disabled ? "enable" : "disable"}
                label={t(user.disabled ? "users.enable" : "users.disable")}
                ariaLabel={t(user.disabled ? "users.enableOf" : "users.disableOf", { email: user.email })}
              />
            </td>
          </tr>
        ))}
      </DataTable>
      <Pager
        nextHref={nextCursor ? `/admin/users?cursor=${encodeURIComponent(nextCursor)}` : null}
        firstHref={paged ? "/admin/users" : null}
      />
    </AdminPage>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
