import { createCookie } from "@remix-run/node";
import { findSessionUser, type SessionUser } from "../../models/auth";
import { env, sessionSecret } from "./env.server";

/** httpOnly, SameSite=Lax, Secure in production; holds only a random session id, signed. */
export const sessionCookie = createCookie("__session", {
  path: "/",
  httpOnly: true,
  sameSite: "lax",
  secure: env().NODE_ENV === "production",
  secrets: [sessionSecret()],
  maxAge: 60 * 60 * 12,
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
