import { redirect } from "@remix-run/node";
import { roleAllows, type Role } from "../../models/accounts/user.server";
import type { SessionUser } from "../../models/accounts/auth.server";
import { apiError, translatorFor } from "./api.server";
import { getOptionalUser } from "./session.server";
import { pageError } from "./page-error.server";

function isApi(request: Request): boolean {
  return new URL(request.url).pathname.startsWith("/api/");
}

/** The logged-in user; otherwise throws 401 JSON for the API or a redirect to /login?redirectTo=<this path> for pages. */
export async function requireUser(request: Request): Promise<SessionUser> {
  const user = await getOptionalUser(request);
  if (user) return user;
  if (isApi(request)) {
    const t = await translatorFor(request);
    throw apiError(401, "unauthorized", t("errors.unauthorized.body"));
  }
  const url = new URL(request.url);
  throw redirect(`/login?${new URLSearchParams({ redirectTo: `${url.pathname}${url.search}` })}`);
}

/** The logged-in user holding `role` or one of `roles` (admins hold every role); otherwise 401/redirect, or 403. */
export async function requireRole(request: Request, role: Role | readonly Role[]): Promise<SessionUser> {
  const user = await requireUser(request);
  const roles: readonly Role[] = typeof role === "string" ? [role] : role;
  if (roles.some((needed) => roleAllows(user.role, needed))) return user;
  const t = await translatorFor(request);
  if (isApi(request)) throw apiError(403, "forbidden", t("errors.forbidden.body"));
  throw await pageError(request, 403);
}
