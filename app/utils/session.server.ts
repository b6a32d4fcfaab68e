import { createCookie, redirect } from "@remix-run/node";
import { findSessionUser, login, revokeSession, SESSION_TTL_MS, type SessionUser } from "../../models/accounts/auth.server";
import { env, sessionSecrets } from "./env.server";

export { login };

/** httpOnly, SameSite=Lax, Secure in production; holds only a random session id, signed. */
export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env().NODE_ENV === "production",
  // Newest first: the first signs, all verify (SESSION_SECRET=new,old while rotating).
  secrets: sessionSecrets(),
  maxAge: SESSION_TTL_MS / 1000,
});

export async function readSessionId(request: Request): Promise<string | null> {
  const value: unknown = await sessionCookie.parse(request.headers.get("Cookie"));
  return typeof value === "string" && value.length > 0 ? value : null;
}

/** The logged-in, enabled user, or null. */
export async function getOptionalUser(request: Request): Promise<SessionUser | null> {
  const sessionId = await readSessionId(request);
  return sessionId ? findSessionUser({ sessionId }) : null;
}

const SAME_ORIGIN = "http://same-origin.invalid";

/**
 * A same-site path to go back to after login; anything else becomes `fallback`: other hosts, `//x`, and any
 * backslash or control character, which browsers read as `/` or drop (`/<tab>/evil.example` is `//evil.example`).
 * What is left is resolved as a browser would resolve it and must stay on this origin.
 */
export function safeRedirectPath(target: unknown, fallback = "/moderation"): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
  if (typeof target !== "string" || !target.startsWith("/") || /[\\\u0000-\u001f\u007f]/.test(target)) return fallback;
  if (!URL.canParse(target, SAME_ORIGIN)) return fallback;
  const url = new URL(target, SAME_ORIGIN);
  return url.origin === SAME_ORIGIN ? `${url.pathname}${url.search}${url.hash}` : fallback;
}

/** Sends the browser on with a fresh session cookie. */
export async function redirectWithSession(sessionId: string, to: string) {
  return redirect(safeRedirectPath(to), { headers: { "Set-Cookie": await sessionCookie.serialize(sessionId) } });
}

/** Revokes the request's session (if any) and clears the cookie. */
export async function logout(request: Request) {
  const sessionId = await readSessionId(request);
  if (sessionId) await revokeSession({ sessionId });
  return redirect("/", { headers: { "Set-Cookie": await sessionCookie.serialize("", { maxAge: 0 }) } });
}
