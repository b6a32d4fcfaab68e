import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { action as usersAction, loader as usersLoader } from "../../app/routes/admin.users";
import { action as loginAction } from "../../app/routes/login";
import { login } from "../../models/accounts/auth.server";
import { LOGIN_THROTTLE, LoginThrottle } from "../../models/accounts/login-throttle.server";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const MINUTE = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);
const newClient = () => randomBytes(8).toString("hex");
const unknownEmail = () => `khong-ai-${randomBytes(4).toString("hex")}@example.vn`;

/** The login form as Remix calls it, from client `clientKey`; status, the form's message and Retry-After. */
async function postLogin(form: Record<string, string>, clientKey: string) {
  const request = new Request("http://localhost/login", {
    method: "POST",
    headers: { "accept-language": "en" },
    body: new URLSearchParams(form),
  });
  const result = (await loginAction({ request, params: {}, context: { cspNonce: "", requestId: "t", clientKey } })) as
    | Response
    | { init: { status: number; headers?: Record<string, string> }; data: { errors: Record<string, string> } };
  if (result instanceof Response) return { status: result.status, message: null, retryAfter: null };
  return { status: result.init.status, message: result.data.errors._form, retryAfter: result.init.headers?.["Retry-After"] ?? null };
}

describe("sign-in delays", () => {
  it("delay a staff e-mail and an unknown one alike: same answers, same times, attempts during a delay not counted", async () => {
    const staff = await createStaff("admin");
    const start = new Date();
    const answers = async (email: string, client: string) => {
      const seen = [];
      for (let i = 1; i <= LOGIN_THROTTLE.account.free; i++)
        seen.push(await login({ email, password: `sai ${i}`, clientKey: client, now: start }));
      // The right password, half a minute into the delay: refused unseen, and the delay does not grow.
      seen.push(await login({ email, password: STAFF_PASSWORD, clientKey: newClient(), now: at(start, 30_000) }));
      seen.push(await login({ email, password: "sai nữa", clientKey: newClient(), now: at(start, 59_000) }));
      // Once it has passed, the next failure waits twice as long.
      seen.push(await login({ email, password: "sai lần sáu", clientKey: newClient(), now: at(start, MINUTE) }));
      return seen;
    };
    const known = await answers(staff.email, newClient());
    const unknown = await answers(unknownEmail(), newClient());
    const expected = [
      ...Array<unknown>(LOGIN_THROTTLE.account.free - 1).fill({ ok: false, reason: "invalid" }),
      { ok: false, reason: "throttled", retryAt: at(start, MINUTE) },
      { ok: false, reason: "throttled", retryAt: at(start, MINUTE) },
      { ok: false, reason: "throttled", retryAt: at(start, MINUTE) },
      { ok: false, reason: "throttled", retryAt: at(start, 3 * MINUTE) },
    ];
    expect(known).toEqual(expected);
    expect(unknown).toEqual(expected);
  });

  it("cannot keep an account shut: its delay stops growing, and the right password from a new address works once it passed", async () => {
    const staff = await createStaff("admin");
    const start = new Date();
    // Twenty attackers, one wrong guess each whenever the account may be tried again.
    let now = start;
    const delays = [];
    for (let i = 0; i < 20; i++) {
      const result = await login({ email: staff.email, password: `đoán ${i}`, clientKey: newClient(), now });
      if (result.ok || result.reason !== "throttled") continue;
      delays.push((result.retryAt.getTime() - now.getTime()) / MINUTE);
      now = result.retryAt;
    }
    expect(delays).toEqual([1, 2, 4, 8, ...Array<number>(12).fill(LOGIN_THROTTLE.account.capMs / MINUTE)]);
    const owner = newClient();
    expect(await login({ email: staff.email, password: STAFF_PASSWORD, clientKey: owner, now: at(now, -1000) })).toMatchObject({
      reason: "throttled",
    });
    expect(await login({ email: staff.email, password: STAFF_PASSWORD, clientKey: owner, now })).toMatchObject({
      ok: true,
      user: { email: staff.email },
    });
    // A success starts the account afresh.
    expect(await login({ email: staff.email, password: "một lần sai", clientKey: owner, now })).toEqual({ ok: false, reason: "invalid" });
  });

  it("stop one address that guesses across many e-mail addresses, and only that address", async () => {
    const guesser = newClient();
    const start = new Date();
    const results = [];
    for (let i = 1; i <= LOGIN_THROTTLE.address.free; i++)
      results.push(await login({ email: unknownEmail(), password: "123456", clientKey: guesser, now: start }));
    expect(results.slice(0, -1).every((result) => !result.ok && result.reason === "invalid")).toBe(true);
    expect(results.at(-1)).toEqual({ ok: false, reason: "throttled", retryAt: at(start, MINUTE) });
    const staff = await createStaff("moderator");
    expect(await login({ email: staff.email, password: STAFF_PASSWORD, clientKey: guesser, now: at(start, 1000) })).toMatchObject({
      reason: "throttled",
    });
    expect(await login({ email: staff.email, password: STAFF_PASSWORD, clientKey: newClient(), now: at(start, 1000) })).toMatchObject({
      ok: true,
    });
  });

  it("the form answers a delayed staff account and an unknown e-mail with the same 429, text and Retry-After", async () => {
    const staff = await createStaff("admin");
    const answersFor = async (email: string) => {
      const client = newClient();
      for (let i = 1; i < LOGIN_THROTTLE.account.free; i++)
        expect((await postLogin({ email, password: `sai ${i}` }, client)).status).toBe(401);
      const delayed = [
        await postLogin({ email, password: "sai 5" }, client),
        await postLogin({ email, password: STAFF_PASSWORD }, newClient()),
      ];
      return delayed.map(({ status, message, retryAfter }) => ({
        status,
        message,
        retryAfter: Number(retryAfter) > 50 && Number(retryAfter) <= 60,
      }));
    };
    const known = await answersFor(staff.email);
    expect(known).toEqual(await answersFor(unknownEmail()));
    expect(known[0]).toEqual({ status: 429, message: "Too many failed sign-in attempts. Try again in 1 minute.", retryAfter: true });
    expect(await AuditEvent.countDocuments({ action: "auth.login-throttled", actorEmail: staff.email })).toBe(1);
  });

  it("count racing failures exactly", async () => {
    const email = unknownEmail();
    const now = new Date();
    const results = await Promise.all(Array.from({ length: 8 }, (_, i) => login({ email, password: `sai ${i}`, now })));
    expect(results.filter((result) => !result.ok && result.reason === "throttled")).toHaveLength(8 - LOGIN_THROTTLE.account.free + 1);
    const stored = await LoginThrottle.find({}, { failures: 1 }).lean();
    expect(stored.map((doc) => doc.failures)).toContain(8);
  });
});

describe("an admin lifting a sign-in delay", () => {
  it("sees it on /admin/users, lifts it (audited), and the owner signs in at once", async () => {
    const admin = await createStaff("admin");
    const locked = await createStaff("moderator");
    const now = new Date();
    for (let i = 1; i <= LOGIN_THROTTLE.account.free; i++)
      await login({ email: locked.email, password: `sai ${i}`, clientKey: newClient(), now });
    expect(await login({ email: locked.email, password: STAFF_PASSWORD, clientKey: newClient() })).toMatchObject({ reason: "throttled" });

    const rowOf = async () => {
      const page = await callRoute(usersLoader, "/admin/users", { cookie: admin.cookie });
      return (page.data as { users: { id: string; signInDelayedUntil: string | null }[] }).users.find((user) => user.id === locked.id);
    };
    expect((await rowOf())?.signInDelayedUntil).toBe(new Date(now.getTime() + MINUTE).toISOString());

    const moderator = await createStaff("moderator");
    expect(
      (await callRoute(usersAction, "/admin/users", { cookie: moderator.cookie, form: { intent: "unlock", userId: locked.id } })).status,
    ).toBe(403);
    expect(
      (await callRoute(usersAction, "/admin/users", { cookie: admin.cookie, form: { intent: "unlock", userId: "0".repeat(24) } })).status,
    ).toBe(400);
    const lifted = await callRoute(usersAction, "/admin/users", { cookie: admin.cookie, form: { intent: "unlock", userId: locked.id } });
    expect(lifted.status).toBe(200);
    expect((await rowOf())?.signInDelayedUntil).toBeNull();
    const audit = await AuditEvent.findOne({ action: "user.unlock", targetId: locked.id }, { actorEmail: 1, before: 1, after: 1 }).lean();
    expect(audit).toMatchObject({
      actorEmail: admin.email,
      before: { signInDelayedUntil: expect.any(Date) },
      after: { signInDelayedUntil: null },
    });

    expect(await login({ email: locked.email, password: STAFF_PASSWORD, clientKey: newClient() })).toMatchObject({ ok: true });
  });
});
