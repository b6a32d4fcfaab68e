/**
 * Sections that span several operations, raced the way several app instances on MongoDB would race
 * them (serialised() queues only within one process, and not at all on MongoDB). Each test checks
 * what a user would notice, so it fails on any database where the section is not atomic.
 */
import { describe, expect, it } from "vitest";
import { changeRole, setUserDisabled, UserAdminError } from "../../models/accounts/accounts-admin.server";
import { Organization } from "../../models/catalog/organization.server";
import { createOrganization, OrganizationAdminError } from "../../models/catalog/organizations-admin.server";
import { User } from "../../models/accounts/user.server";
import { disableUser } from "../../models/accounts/users-admin.server";
import { DEFAULT_WORDS, WordList } from "../../models/feedback/word-list.server";
import { addWord } from "../../models/feedback/words-admin.server";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const enabledAdmins = () => User.countDocuments({ role: "admin", disabled: false });
const rejections = (results: PromiseSettledResult<unknown>[]) =>
  results.filter((r): r is PromiseRejectedResult => r.status === "rejected").map((r) => r.reason);

describe("the last enabled admin", () => {
  it("survives two admins demoting each other at once", async () => {
    const [a, b] = await Promise.all([createStaff("admin"), createStaff("admin")]);
    const base = await enabledAdmins();
    // Everyone else steps down first, so a and b are the last two.
    const others = await User.find({ role: "admin", disabled: false, _id: { $nin: [a.id, b.id] } }, { _id: 1 }).lean();
    for (const other of others) await changeRole({ userId: String(other._id), role: "committee", actor: { email: "test" } });
    expect(await enabledAdmins()).toBe(base - others.length);

    const results = await Promise.allSettled([
      changeRole({ userId: a.id, role: "committee", actor: { id: b.id, email: b.email } }),
      changeRole({ userId: b.id, role: "moderator", actor: { id: a.id, email: a.email } }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(rejections(results)).toEqual([expect.objectContaining({ code: "lastAdmin" })]);
    expect(rejections(results)[0]).toBeInstanceOf(UserAdminError);
    expect(await enabledAdmins()).toBe(1);
  });

  it("survives every admin disabled or demoted at once, and counts the ones given back again", async () => {
    // Four of its own, besides any other test's.
    await Promise.all([createStaff("admin"), createStaff("admin"), createStaff("admin"), createStaff("admin")]);
    const admins = (await User.find({ role: "admin", disabled: false }, { _id: 1 }).lean()).map((user) => String(user._id));
    expect(admins.length).toBeGreaterThanOrEqual(4);
    const actor = { email: "test" };
    const results = await Promise.allSettled(
      admins.map((userId, i) =>
        i % 2 === 0 ? setUserDisabled({ userId, disabled: true, actor }) : changeRole({ userId, role: "committee", actor }),
      ),
    );
    expect(rejections(results)).toEqual([expect.objectContaining({ code: "lastAdmin" })]);
    expect(await enabledAdmins()).toBe(1);

    // Given back one by one, they count again: then all but one may go at once.
    for (const userId of admins) {
      await changeRole({ userId, role: "admin", actor });
      await setUserDisabled({ userId, disabled: false, actor });
    }
    expect(await enabledAdmins()).toBe(admins.length);
    const again = await Promise.allSettled(admins.map((userId) => changeRole({ userId, role: "moderator", actor })));
    expect(rejections(again)).toHaveLength(1);
    expect(await enabledAdmins()).toBe(1);
  });

  it("lets the command line disable the last admin (a compromised account) and counts it gone", async () => {
    const last = await createStaff("admin");
    // Everyone else steps down first, so this one is the last enabled admin.
    const others = await User.find({ role: "admin", disabled: false, _id: { $ne: last.id } }, { _id: 1 }).lean();
    for (const other of others) await changeRole({ userId: String(other._id), role: "committee", actor: { email: "test" } });
    expect(await enabledAdmins()).toBe(1);
    await disableUser({ email: last.email, actor: { email: "cli" } });
    expect(await enabledAdmins()).toBe(0);
    const fresh = await createStaff("admin");
    await expect(changeRole({ userId: fresh.id, role: "committee", actor: { email: "test" } })).rejects.toMatchObject({
      code: "lastAdmin",
    });
  });
});

describe("the word lists' first edit", () => {
  it("lets two first edits at once both succeed, keeping every built-in word", async () => {
    expect(await WordList.countDocuments({})).toBe(0);
    const actor = { id: "000000000000000000000001", email: "admin@example.vn" };
    await Promise.all([
      addWord({ word: "tham ô", list: "suspect", lang: "vi", actor }),
      addWord({ word: "bribery", list: "suspect", lang: "en", actor }),
      addWord({ word: "hạch sách", list: "suspect", lang: "vi", actor }),
    ]);
    const stored = await WordList.find({}, { list: 1, searchKey: 1, _id: 0 }).lean();
    expect(stored).toHaveLength(DEFAULT_WORDS.length + 3);
    expect(stored.map((entry) => `${entry.list}:${entry.searchKey}`)).toEqual(
      expect.arrayContaining([
        ...DEFAULT_WORDS.map((entry) => `${entry.list}:${entry.searchKey}`),
        "suspect:tham o",
        "suspect:bribery",
        "suspect:hach sach",
      ]),
    );
  });
});

describe("a new organization's slug", () => {
  const input = { name: "Chi bộ Ấp Bàu Cá", kind: "chi-bo-co-so", district: "Trảng Bom", members: 30 } as const;
  const actor = { id: "000000000000000000000001", email: "admin@example.vn" };

  it("is a different one for each of two organizations created at once with the same name and code but for its case", async () => {
    await Promise.all([
      createOrganization({ input: { ...input, code: "tb-7" }, actor }),
      createOrganization({ input: { ...input, code: "TB-7" }, actor }),
    ]);
    const slugs = await Organization.find({ code: { $in: ["tb-7", "TB-7"] } }, { slug: 1, _id: 0 }).lean();
    expect(slugs.map((doc) => doc.slug).sort()).toEqual(["chi-bo-ap-bau-ca-tb-7", "chi-bo-ap-bau-ca-tb-7-2"]);
  });

  it("still reports a taken code as such when the same code is created twice at once", async () => {
    const results = await Promise.allSettled([
      createOrganization({ input: { ...input, code: "TB-8" }, actor }),
      createOrganization({ input: { ...input, code: "TB-8" }, actor }),
    ]);
    expect(rejections(results)).toEqual([expect.any(OrganizationAdminError)]);
    expect(rejections(results)[0]).toMatchObject({ code: "codeTaken", field: "code" });
    expect(await Organization.countDocuments({ code: "TB-8" })).toBe(1);
  });
});
