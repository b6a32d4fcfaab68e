import { describe, expect, it } from "vitest";
import { sweepExpired } from "../../app/utils/rate-limit.server";
import { findInvite, Invite, inviteUser } from "../../models/accounts/accounts-admin.server";
import { User } from "../../models/accounts/user.server";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

describe("the periodic sweep", () => {
  it("deletes an expired invitation and keeps a live one", async () => {
    const admin = await createStaff("admin", "sweep-admin@example.vn");
    const actor = { id: admin.id, email: admin.email };
    const expired = await inviteUser({ email: "sweep-expired@example.vn", role: "moderator", actor });
    const live = await inviteUser({ email: "sweep-live@example.vn", role: "committee", actor });
    const expiredAccount = await User.findOne({ email: "sweep-expired@example.vn" }, { _id: 1 }).lean();
    await Invite.updateOne({ user: expiredAccount!._id }, { $set: { expiresAt: new Date(Date.now() - 60_000) } });
    expect(await Invite.countDocuments({})).toBe(2);

    await sweepExpired(new Date());

    const left = await Invite.find({}, { user: 1 }).lean();
    expect(left.map((row) => String(row.user))).not.toContain(String(expiredAccount!._id));
    expect(left).toHaveLength(1);
    expect(await findInvite({ token: live.token })).toEqual({ email: "sweep-live@example.vn" });
    expect(await findInvite({ token: expired.token })).toBeNull();
  });
});
