import { beforeEach, describe, expect, it } from "vitest";
import { action as usersAction, loader as usersLoader } from "../../app/routes/admin.users";
import { action as inviteAction, loader as inviteLoader } from "../../app/routes/invite.$token";
import { changeRole } from "../../models/accounts/accounts-admin.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { login } from "../../models/accounts/auth.server";
import { User } from "../../models/accounts/user.server";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";

setupTestDatabase();

/** Each test acts as an admin of its own, so none depends on what another did to an account. */
let admin: Awaited<ReturnType<typeof createStaff>>;
const post = (form: Record<string, string>, path = "/admin/users") => callRoute(usersAction, path, { cookie: admin.cookie, form });

beforeEach(async () => {
  admin = await createStaff("admin");
});

describe("/admin/users", () => {
  it("invites a user with a one-time link that sets a password once", async () => {
    const result = await post({ intent: "invite", email: "Moi.Nguoi@Example.vn", role: "moderator" });
    const link = (result.data as { link: string }).link;
    expect(link).toMatch(/^http:\/\/localhost\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = link.split("/").pop()!;
    const page = await callRoute(inviteLoader, `/invite/${token}`, { params: { token } });
    expect(page.data).toMatchObject({ email: "moi.nguoi@example.vn" });

    const mismatch = await callRoute(inviteAction, `/invite/${token}`, {
      params: { token },
      form: { password: "mật khẩu mới 12", confirm: "khác" },
    });
    expect(mismatch.data).toMatchObject({ errors: { confirm: "Hai mật khẩu không khớp." } });
    const accepted = await callRoute(inviteAction, `/invite/${token}`, {
      params: { token },
      form: { password: "mật khẩu mới 12", confirm: "mật khẩu mới 12" },
    });
    expect(accepted).toMatchObject({ status: 302, location: "/login?invited=1" });
    expect((await login({ email: "moi.nguoi@example.vn", password: "mật khẩu mới 12" })).ok).toBe(true);
    expect((await callRoute(inviteLoader, `/invite/${token}`, { params: { token } })).status).toBe(404);
    expect(await AuditEvent.countDocuments({ action: "user.invite" })).toBe(1);

    const again = await post({ intent: "invite", email: "moi.nguoi@example.vn", role: "admin" });
    expect(again.data).toMatchObject({ errors: { email: "Đã có tài khoản với email moi.nguoi@example.vn." } });
  });

  it("changes a role and disables an account, but never the last admin", async () => {
    // This test's admin is the only one: admins other tests made step down first.
    const others = await User.find({ role: "admin", _id: { $ne: admin.id } }, { _id: 1 }).lean();
    for (const other of others)
      await changeRole({ userId: String(other._id), role: "committee", actor: { id: admin.id, email: admin.email } });
    // Named to sort first, so the list's first page shows it however many accounts other tests made.
    const other = await createStaff("committee", `aaa-${Date.now().toString(36)}@example.vn`);
    await post({ intent: "role", userId: other.id, role: "moderator" });
    expect((await User.findById(other.id, { role: 1 }).lean())?.role).toBe("moderator");
    await post({ intent: "disable", userId: other.id });
    expect((await User.findById(other.id, { disabled: 1 }).lean())?.disabled).toBe(true);
    await post({ intent: "enable", userId: other.id });
    expect((await User.findById(other.id, { disabled: 1 }).lean())?.disabled).toBe(false);

    const lastAdmin = await post({ intent: "disable", userId: admin.id }, "/admin/users?lng=en");
    expect(lastAdmin).toMatchObject({
      status: 400,
      data: { errors: { userId: "The last administrator cannot be disabled or lose the role." } },
    });
    const demote = await post({ intent: "role", userId: admin.id, role: "committee" });
    expect(demote.status).toBe(400);
    expect(await User.findById(admin.id, { role: 1, disabled: 1, _id: 0 }).lean()).toEqual({ role: "admin", disabled: false });

    const list = await callRoute(usersLoader, "/admin/users", { cookie: admin.cookie });
    expect(
      (list.data as { users: { email: string; role: string; invited: boolean }[] }).users.map((u) => [u.email, u.role, u.invited]),
    ).toEqual(
      expect.arrayContaining([
        [other.email, "moderator", false],
        [admin.email, "admin", false],
      ]),
    );

    // With a second admin the first may step down.
    await post({ intent: "role", userId: other.id, role: "admin" });
    expect((await post({ intent: "role", userId: admin.id, role: "committee" })).status).toBe(200);
    expect((await User.findById(admin.id, { role: 1 }).lean())?.role).toBe("committee");
  });

  it("pages the staff list by email, each account exactly once, and refuses a tampered cursor", async () => {
    const boss = await createStaff("admin");
    await User.insertMany(
      Array.from({ length: 60 }, (_, i) => ({ email: `can-bo-${String(i).padStart(2, "0")}@example.vn`, role: "moderator" })),
    );
    const seen: string[] = [];
    let path: string | null = "/admin/users";
    while (path) {
      const page = await callRoute(usersLoader, path, { cookie: boss.cookie });
      const body = page.data as { users: { email: string }[]; nextCursor: string | null };
      seen.push(...body.users.map((user) => user.email));
      path = body.nextCursor ? `/admin/users?cursor=${encodeURIComponent(body.nextCursor)}` : null;
    }
    const all = (await User.find({}, { email: 1 }).lean()).map((user) => user.email).sort();
    expect(seen).toEqual(all);
    expect(await callRoute(usersLoader, "/admin/users?cursor=not-a-cursor", { cookie: boss.cookie })).toMatchObject({ status: 400 });
  });
});
