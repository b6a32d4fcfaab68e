import { describe, expect, it } from "vitest";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { createSession, hashSessionId } from "../../models/accounts/auth.server";
import { Session } from "../../models/accounts/session.server";
import { disableUser, resetPassword } from "../../models/accounts/users-admin.server";
import { action as logoutAction } from "../../app/routes/logout";
import { getOptionalUser, sessionCookie } from "../../app/utils/session.server";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const context = { cspNonce: "", requestId: "t", clientKey: "k" };
const withCookie = (cookie: string, method = "GET") => new Request("http://localhost/moderation", { method, headers: { Cookie: cookie } });

describe("sessions", () => {
  it("stores only the hash of the session id and recognises the signed cookie", async () => {
    const staff = await createStaff("moderator");
    expect(await Session.countDocuments({ _id: staff.sessionId })).toBe(0);
    expect(await getOptionalUser(withCookie(staff.cookie))).toMatchObject({ email: staff.email, role: "moderator" });
    const forged = staff.cookie.replace(/\.[^.]+$/, ".forged");
    expect(await getOptionalUser(withCookie(forged))).toBeNull();
  });

  it("logout revokes the session server-side, so a copied cookie stops working", async () => {
    const staff = await createStaff("committee");
    const response = (await logoutAction({ request: withCookie(staff.cookie, "POST"), params: {}, context })) as Response;
    expect(response.status).toBe(302);
    expect(response.headers.get("Set-Cookie")).toMatch(/__session=; Max-Age=0/);
    expect(await getOptionalUser(withCookie(staff.cookie))).toBeNull();
    expect(await AuditEvent.countDocuments({ action: "auth.logout", actorEmail: staff.email })).toBe(1);
  });

  it("disabling an account ends all its sessions at once", async () => {
    const staff = await createStaff("moderator");
    await createSession({ userId: staff.id });
    const { revoked } = await disableUser({ email: staff.email, actor: { email: "cli" } });
    expect(revoked).toBe(2);
    expect(await getOptionalUser(withCookie(staff.cookie))).toBeNull();
    expect(await AuditEvent.findOne({ action: "user.disable", targetId: staff.id }, { actorEmail: 1, after: 1 }).lean()).toMatchObject({
      actorEmail: "cli",
      after: { disabled: true },
    });
  });

  it("a password reset revokes every session of that user and no one else's", async () => {
    const staff = await createStaff("admin");
    const other = await createStaff("admin");
    await resetPassword({ email: staff.email, password: "a brand new password", actor: { email: "cli" } });
    expect(await getOptionalUser(withCookie(staff.cookie))).toBeNull();
    expect(await getOptionalUser(withCookie(other.cookie))).toMatchObject({ email: other.email });
  });

  it("an expired session is refused and swept at the next login", async () => {
    const staff = await createStaff("moderator");
    // Opened 13 hours ago with a 12-hour life: still stored, expired an hour ago.
    const expiredId = await createSession({ userId: staff.id, now: new Date(Date.now() - 13 * 3_600_000) });
    const expiredCookie = (await sessionCookie.serialize(expiredId)).split(";")[0]!;
    expect(await Session.countDocuments({ _id: hashSessionId(expiredId) })).toBe(1);
    expect(await getOptionalUser(withCookie(expiredCookie))).toBeNull();
    // The live session of the same user still works, so the refusal is the expiry's doing.
    expect(await getOptionalUser(withCookie(staff.cookie))).toMatchObject({ email: staff.email });

    await createSession({ userId: staff.id });
    expect(await Session.countDocuments({ _id: hashSessionId(expiredId) })).toBe(0);
    expect(await Session.countDocuments({ user: staff.id })).toBe(2);
  });
});
