/**
 * Staff sessions for the bench: a moderator and a committee member created (or their password reset) with
 * `npm run user`, password on standard input as an operator would, then logged in through the /login form.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { send } from "./http";

export type StaffRole = "moderator" | "committee";

const USER_TIMEOUT_MS = 120_000;

function runUserScript(args: string[], password: string) {
  return spawnSync("npm", ["run", "--silent", "user", "--", ...args], {
    input: `${password}\n`,
    encoding: "utf8",
    timeout: USER_TIMEOUT_MS,
  });
}

/** Makes sure `email` has role `role` and `password`: creates the account, or resets the password of the existing one. */
function ensureAccount(email: string, role: StaffRole | "organization", password: string, extra: string[] = []): void {
  const created = runUserScript(["create", "--email", email, "--role", role, ...extra], password);
  if (created.status === 0) return;
  if (!created.stderr.includes("already has an account")) throw new Error(`npm run user create failed: ${created.stderr.trim()}`);
  const reset = runUserScript(["reset-password", "--email", email], password);
  if (reset.status !== 0) throw new Error(`npm run user reset-password failed: ${reset.stderr.trim()}`);
}

/** The session cookie ("name=value") from logging in at /login with the form's fields. */
async function login(base: string, email: string, password: string): Promise<string> {
  const response = await send(`${base}/login`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", origin: base, "accept-language": "vi" },
    body: new URLSearchParams({ email, password, redirectTo: "/" }),
  });
  const cookie = response.headers.getSetCookie()[0]?.split(";")[0];
  if (response.status >= 400 || !cookie) {
    throw new Error(
      `logging in as ${email} answered ${response.status}: run the bench with the server's DATA_DIR (or MONGODB_URI) so npm run user writes to its database`,
    );
  }
  return cookie;
}

/** A logged-in session per role, as a Cookie header value. */
export async function staffSessions(base: string, roles: readonly StaffRole[]): Promise<Record<StaffRole, string>> {
  const sessions: Partial<Record<StaffRole, string>> = {};
  for (const role of roles) {
    const email = `bench-${role}@example.com`;
    const password = randomBytes(18).toString("base64url");
    ensureAccount(email, role, password);
    sessions[role] = await login(base, email, password);
  }
  return sessions as Record<StaffRole, string>;
}

/** A logged-in session of the account that speaks for organization `code` (npm run user --role organization). */
export async function organizationSession(base: string, code: string): Promise<string> {
  const email = `bench-organization-${code.toLowerCase()}@example.com`;
  const password = randomBytes(18).toString("base64url");
  ensureAccount(email, "organization", password, ["--organization", code]);
  return login(base, email, password);
}
