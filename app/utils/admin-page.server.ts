import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import type { z } from "zod";
import { requireRole } from "./auth.server";
import { submitForm } from "./admin.server";
import { translatorFor } from "./api.server";
import { titled } from "./page-title";

type Admin = Awaited<ReturnType<typeof requireRole>>;

/** What every admin loader and action starts with: the admin (else a thrown redirect or 403), the translator, the page title. */
export async function requireAdminPage(request: Request) {
  const actor = await requireRole(request, "admin");
  const t = await translatorFor(request, ["admin", "common"]);
  return { actor, t, title: (heading: string) => titled(t, heading) };
}

/**
 * The action of a "new" admin page: a valid form creates the record and opens its page (`base`/code?saved=1);
 * a refused one comes back with 400 and the translated field errors.
 */
export async function createFromForm<T>(
  { request }: ActionFunctionArgs,
  {
    schema,
    create,
    base,
  }: {
    schema: z.ZodType<T, z.ZodTypeDef, unknown>;
    create: (args: { input: T; actor: Admin }) => Promise<unknown>;
    base: string;
  },
) {
  const { actor, t } = await requireAdminPage(request);
  const form = await request.formData();
  const failure = await submitForm(form, schema, t, (input) => create({ input, actor }));
  if (failure) return data(failure, { status: 400 });
  throw redirect(`${base}/${String(form.get("code")).trim()}?saved=1`);
}
