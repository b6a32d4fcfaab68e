import { describe, expect, it } from "vitest";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { login } from "../../models/accounts/auth.server";
import { User } from "../../models/accounts/user.server";
import { action as loginAction } from "../../app/routes/login";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const context = { cspNonce: "", requestId: "t", clientKey: "k" };

function postLogin(form: Record<string, string>) {
  const request = new Request("http://localhost/login", { method: "POST", body: new URLSearchParams(form) });
  return loginAction({ request, params: {}, context });
}

describe("login", () => {
  it("stores argon2id hashes and logs in with the right password", async () => {
    const staff = await createStaff("moderator");
    const user = await User.findById(staff.id, { passwordHash: 1 }).lean();
    expect(user?.passwordHash).toMatch(/^\$argon2id\$/);
    const result = await login({ email: staff.email.toUpperCase(), password: STAFF_PASSWORD });
    expect(result.ok).toBe(true);
    expect(await AuditEvent.countDocuments({ action: "auth.login", actorEmail: staff.email })).toBe(1);
  });

  it("answers unknown emails and wrong passwords alike, auditing the email only", async () => {
    const staff = await createStaff("committee");
    expect(await login({ email: "nobody@example.vn", password: "whatever-123" })).toEqual({ ok: false, reason: "invalid" });
    expect(await login({ email: staff.email, password: "wrong password" })).toEqual({ ok: false, reason: "invalid" });
    // Whole events, no projection: the email and the failure count are all a failed attempt leaves (the
    // address a request came from is checked end to end, through HTTP, in http-log-hygiene.test.ts).
    const failed = await AuditEvent.find({ action: "auth.login-failed", actorEmail: { $in: ["nobody@example.vn", staff.email] } })
      .sort({ _id: 1 })
      .lean();
    expect(failed.map((event) => event.after)).toEqual([
      { email: "nobody@example.vn", retryAt: null },
      { email: staff.email, retryAt: null },
    ]);
  });

  it("the form answers 401 with a generic message, 429 when delayed (auth-lockout.test.ts), and never redirects off-site", async () => {
    const staff = await createStaff("admin");
    const wrong = (await postLogin({ email: staff.email, password: "nope nope" })) as {
      init: { status: number };
      data: { errors: Record<string, string>; values: Record<string, string> };
    };
    expect(wrong.init.status).toBe(401);
    expect(wrong.data.errors._form).toBe("Email hoặc mật khẩu không đúng.");
    // The form comes back with the e-mail as typed, never with the password.
    expect(wrong.data.values).toEqual({ email: staff.email });

    for (const target of ["//evil.example/x", "https://evil.example/", "/\\evil.example"]) {
      const response = (await postLogin({ email: staff.email, password: STAFF_PASSWORD, redirectTo: target })) as Response;
      expect(response.status).toBe(302);
      expect(response.headers.get("Location")).toBe("/moderation");
    }
    const response = (await postLogin({
      email: staff.email,
      password: STAFF_PASSWORD,
      redirectTo: "/moderation/audit?action=auth.login",
    })) as Response;
    expect(response.headers.get("Location")).toBe("/moderation/audit?action=auth.login");
    expect(response.headers.get("Set-Cookie")).toMatch(/^__session=.+; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);

    for (let i = 0; i < 5; i++) await postLogin({ email: staff.email, password: "nope nope" });
    const locked = (await postLogin({ email: staff.email, password: STAFF_PASSWORD })) as { init: { status: number } };
    expect(locked.init.status).toBe(429);
  });
});
