import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TextField } from "~/components/text-field";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { AcceptInviteSchema, acceptInvite, findInvite, submitForm } from "~/utils/admin.server";
import { translatorFor } from "~/utils/api.server";
import { pageError } from "~/utils/page-error.server";
import { titled } from "~/utils/page-title";

export const meta: MetaFunction<typeof loader> = pageTitle;

/** A used, expired or made-up link is simply "not found": it says nothing about which accounts exist. */
async function inviteOr404(request: Request, token: string | undefined) {
  const invite = token && /^[A-Za-z0-9_-]{43}$/.test(token) ? await findInvite({ token }) : null;
  if (!invite) throw await pageError(request, 404);
  return invite;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const invite = await inviteOr404(request, params.token);
  const t = await translatorFor(request, ["admin", "common"]);
  return { title: titled(t, t("admin:invite.title")), email: invite.email };
}

export async function action({ request, params }: ActionFunctionArgs) {
  await inviteOr404(request, params.token);
  const t = await translatorFor(request, ["admin", "common"]);
  const form = await request.formData();
  let accepted = false;
  const failure = await submitForm(form, AcceptInviteSchema, t, async ({ password }) => {
    accepted = await acceptInvite({ token: params.token ?? "", password });
  });
  if (failure) return data({ errors: failure.errors }, { status: 400 });
  if (!accepted) throw await pageError(request, 404);
  throw redirect("/login?invited=1");
}

export default function AcceptInvite() {
  const { email } = useLoaderData<typeof loader>();
  const failure = useActionData<typeof action>();
  const { t } = useTranslation("admin");
  const errors = failure?.errors ?? {};
  return (
    <section aria-labelledby="invite-title">
      <h1 id="invite-title">{t("invite.title")}</h1>
      <p>{t("invite.lead", { email })}</p>
      <Form method="post" className="admin-form">
        <TextField
          name="password"
          label={t("invite.password")}
          error={errors.password}
          hint={t("invite.passwordHint")}
          type="password"
          autoComplete="new-password"
          required
        />
        <TextField name="confirm" label={t("invite.confirm")} error={errors.confirm} type="password" autoComplete="new-password" required />
        <button type="submit">{t("invite.submit")}</button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
