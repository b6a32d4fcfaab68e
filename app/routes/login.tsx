import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { translatorFor } from "~/utils/api.server";
import { formRefusal, parseForm } from "~/utils/form.server";
import { getOptionalUser, login, redirectWithSession, safeRedirectPath } from "~/utils/session.server";
import { TextField } from "~/components/text-field";

const LoginSchema = z.object({
  email: z.string().trim().min(1, "auth:errors.emailRequired").max(254, "auth:errors.emailInvalid").email("auth:errors.emailInvalid"),
  password: z.string().min(1, "auth:errors.passwordRequired").max(200, "auth:errors.invalid"),
  redirectTo: z.string().optional(),
});

export const meta: MetaFunction<typeof loader> = pageTitle;

/** An organization account has no staff pages: it lands on its own organization's page instead of one it may not open. */
function landingPath(user: { role: string; organization?: string }, target: string): string {
  if (user.role !== "organization" || !user.organization || !/^\/(moderation|admin|committee)(\/|\?|$)/.test(target)) return target;
  return `/organizations/${encodeURIComponent(user.organization)}`;
}

export async function loader({ request }: LoaderFunctionArgs) {
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get("redirectTo"));
  const user = await getOptionalUser(request);
  if (user) throw redirect(landingPath(user, redirectTo));
  const t = await translatorFor(request, "auth");
  return { redirectTo, title: t("pageTitle") };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const t = await translatorFor(request, ["auth", "common"]);
  const form = await request.formData();
  const parsed = parseForm(form, LoginSchema, t);
  if (!parsed.ok) return data(parsed.failure, { status: 400 });

  const result = await login({ email: parsed.data.email, password: parsed.data.password, clientKey: context.clientKey });
  if (result.ok) return redirectWithSession(result.sessionId, landingPath(result.user, safeRedirectPath(parsed.data.redirectTo)));
  if (result.reason === "throttled") {
    // Says nothing of the account: the same words for every e-mail address, known or not.
    const seconds = Math.max(1, Math.ceil((result.retryAt.getTime() - Date.now()) / 1000));
    const headers = { "Retry-After": String(seconds) };
    return data(formRefusal(form, t("auth:errors.throttled", { count: Math.ceil(seconds / 60) })), { status: 429, headers });
  }
  return data(formRefusal(form, t("auth:errors.invalid")), { status: 401 });
}

export default function LoginPage() {
  const { t } = useTranslation("auth");
  const { redirectTo } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === "submitting";
  const errors: Record<string, string | undefined> = result?.errors ?? {};
  return (
    <section className="login" aria-labelledby="login-title">
      <h1 id="login-title">{t("title")}</h1>
      <p>{t("intro")}</p>
      {errors._form ? (
        <p className="form-error" role="alert" id="login-error">
          {errors._form}
        </p>
      ) : null}
      <Form method="post" className="stack" noValidate aria-describedby={errors._form ? "login-error" : undefined}>
        <input type="hidden" name="redirectTo" value={redirectTo} />
        <TextField
          name="email"
          label={t("email")}
          error={errors.email}
          type="email"
          autoComplete="username"
          required
          defaultValue={result?.values.email ?? ""}
        />
        <TextField name="password" label={t("password")} error={errors.password} type="password" autoComplete="current-password" required />
        <button type="submit" disabled={busy}>
          {t("submit")}
        </button>
      </Form>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
