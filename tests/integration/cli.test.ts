import path from "node:path";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { createSession, login } from "../../models/accounts/auth.server";
import { connectDatabase, disconnectDatabase } from "../../models/db/connection.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Organization } from "../../models/catalog/organization.server";
import { Session } from "../../models/accounts/session.server";
import { User } from "../../models/accounts/user.server";
import { createPeriod } from "../fixtures/catalog";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { runScript } from "../support/run-script";

const ROOT = path.resolve(import.meta.dirname, "../..");
const fixture = (name: string) => path.join(ROOT, "tests/fixtures", name);

/**
 * The scripts connect to the database MONGODB_URI names; today they use "congkhai" whatever the URI says, so
 * this file works in that database (and names it in the URI too), emptied before and after.
 */
const DB_NAME = "congkhai";
let scriptUri = "";

beforeAll(async () => {
  const url = new URL(inject("databaseUri"));
  url.pathname = `/${DB_NAME}`;
  scriptUri = url.toString();
  await connectDatabase({ uri: inject("databaseUri"), dbName: DB_NAME });
  await mongoose.connection.db!.dropDatabase();
  await createPeriod({ code: "2011" });
});

afterAll(async () => {
  await mongoose.connection.db?.dropDatabase();
  await disconnectDatabase();
});

/** Runs `npm run <script> -- args` as a user would in locale `lang`, with `stdin` piped in. */
function run(script: string, args: string[], stdin = "", lang = "C.UTF-8") {
  return runScript({ script, args, stdin, uri: scriptUri, env: { LANG: lang, LC_ALL: lang } });
}

const email = (name: string) => `${name}-${Date.now().toString(36)}@example.vn`;

describe("npm run user", () => {
  it.each([
    ["no command", [], /usage:/],
    ["an unknown option", ["create", "--email", "a@example.vn", "--role", "admin", "--bogus"], /bogus[\s\S]*usage:/],
    ["a malformed email", ["disable", "--email", "not-an-email"], /--email must be an email address/],
    ["an unknown role", ["create", "--email", "a@example.vn", "--role", "king"], /--role must be one of moderator/],
  ])("refuses %s with exit code 2 and says why", async (_label, args, message) => {
    const result = await run("user", args, "a long enough password\n");
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(await User.countDocuments({ email: "a@example.vn" })).toBe(0);
  });

  it("creates an account from a piped password, and refuses a short one or a second account", async () => {
    const address = email("new");
    const short = await run("user", ["create", "--email", address, "--role", "moderator"], "short\n");
    expect(short).toMatchObject({ code: 2, stderr: expect.stringContaining("at least 10 characters") });
    expect(await User.countDocuments({ email: address })).toBe(0);

    const created = await run("user", ["create", "--email", address.toUpperCase(), "--role", "moderator"], "a long enough password\n");
    expect(created).toMatchObject({ code: 0, stdout: expect.stringContaining(`created moderator ${address}`) });
    expect(await login({ email: address, password: "a long enough password" })).toMatchObject({ ok: true, user: { role: "moderator" } });

    const again = await run("user", ["create", "--email", address, "--role", "admin"], "another long password\n");
    expect(again).toMatchObject({ code: 1, stderr: expect.stringContaining(`${address} already has an account`) });
    expect(await User.findOne({ email: address }, { _id: 0, role: 1 }).lean()).toEqual({ role: "moderator" });
  });

  it("disables an account and ends its sessions; an unknown email exits 1", async () => {
    const staff = await createStaff("committee");
    await createSession({ userId: staff.id });
    const result = await run("user", ["disable", "--email", staff.email]);
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`disabled ${staff.email}; 2 session(s) revoked`) });
    expect(await User.findById(staff.id, { _id: 0, disabled: 1 }).lean()).toEqual({ disabled: true });
    expect(await Session.countDocuments({ user: staff.id })).toBe(0);
    expect(await AuditEvent.countDocuments({ action: "user.disable", targetId: staff.id, actorEmail: "cli" })).toBe(1);

    const unknown = await run("user", ["disable", "--email", "nobody@example.vn"]);
    expect(unknown).toMatchObject({ code: 1, stderr: expect.stringContaining("No account for nobody@example.vn.") });
  });

  it("resets a password from standard input: the new one works, the old one and the sessions do not", async () => {
    const staff = await createStaff("admin");
    const result = await run("user", ["reset-password", "--email", staff.email], "a brand new passphrase\n");
    expect(result).toMatchObject({ code: 0, stdout: expect.stringContaining(`password reset for ${staff.email}; 1 session(s) revoked`) });
    expect(await Session.countDocuments({ user: staff.id })).toBe(0);
    expect(await login({ email: staff.email, password: STAFF_PASSWORD })).toMatchObject({ ok: false });
    expect(await login({ email: staff.email, password: "a brand new passphrase" })).toMatchObject({ ok: true });
  });
});

describe("every script's arguments", () => {
  it.each([
    ["seed", ["--forse"], "Unknown option --forse."],
    ["seed", ["now"], "Unexpected argument now."],
    ["summaries-rebuild", ["--period"], "--period needs a value."],
    ["summaries-rebuild", ["--period", "20 11"], "--period must be a period code such as 2011."],
    ["db-indexes", ["--dryrun"], "Unknown option --dryrun."],
    ["bench/generate-feedback", ["--count", "0"], "--count must be a whole number from 1 to 1000000."],
    [
      "bench/run",
      ["--url", "http://192.0.2.1:3000"],
      "--url must be http://127.0.0.1:PORT: the bench loads only a server on this machine.",
    ],
  ])("scripts/%s.ts refuses %j with one line, the usage and exit code 2", async (script, args, line) => {
    const result = await run(script, args);
    expect(result.code).toBe(2);
    const [first, second] = result.stderr.split("\n");
    expect(first).toBe(line);
    expect(second).toMatch(/^usage: /);
  });
});

describe("npm run import", () => {
  /** What an import could write: catalog rows and audit events. */
  const written = async () => ({
    organizations: await Organization.countDocuments({}),
    evaluations: await Evaluation.countDocuments({}),
    audit: await AuditEvent.countDocuments({ action: /^import/ }),
  });

  it.each([
    ["no file", ["--period", "2011"], /Name the CSV file to import/],
    ["no period", [fixture("import-2011-good.csv")], /--period CODE is required/],
    ["a malformed period", [fixture("import-2011-good.csv"), "--period", "20 11"], /--period must be a period code/],
    ["two files", [fixture("import-2011-good.csv"), fixture("import-2011-good.csv"), "--period", "2011"], /One file at a time \(2 given\)/],
    ["a missing file", [fixture("no-such-file.csv"), "--period", "2011"], /no-such-file\.csv: no such file\./],
    ["a folder", [ROOT, "--period", "2011"], /is a folder, not a file/],
  ])("refuses %s with exit code 2 and the usage line", async (_label, args, message) => {
    const result = await run("import", args);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr).toContain("usage: npm run import");
  });

  it("names every bad line, exits 1 and writes nothing", async () => {
    const before = await written();
    const result = await run("import", [fixture("import-2011-bad-lines-4-7-11.csv"), "--period", "2011"]);
    expect(result.code).toBe(1);
    expect(result.stderr.match(/^line \d+:/gm)).toEqual(["line 4:", "line 7:", "line 11:"]);
    expect(result.stderr).toContain("3 problem(s) found: nothing was written.");
    expect(await written()).toEqual(before);
  });

  it("an unknown period exits 1 with a clear message", async () => {
    const unknownPeriod = await run("import", [fixture("import-2011-good.csv"), "--period", "1999"]);
    expect(unknownPeriod.code).toBe(1);
    expect(unknownPeriod.stderr).toMatch(/1999/);
  });

  it("answers a missing file with one line in the terminal's language and no stack trace", async () => {
    const missing = await run("import", ["missing.csv", "--period", "2011"], "", "vi_VN.UTF-8");
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim().split("\n")).toEqual([
      "missing.csv: không có tệp này.",
      "cách dùng: npm run import -- FILE.csv --period CODE [--dry-run]",
    ]);
  });

  it("--dry-run reports what it would do and writes nothing; the real run writes it", async () => {
    const before = await written();
    const dry = await run("import", [fixture("import-2011-good.csv"), "--period", "2011", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toMatch(/2011: 10 rows, dry run, nothing written; would have created 10, changed 0, unchanged 0/);
    expect(await written()).toEqual(before);

    const real = await run("import", [fixture("import-2011-good.csv"), "--period", "2011"]);
    expect(real.code).toBe(0);
    expect(real.stdout).toMatch(/2011: 10 rows, created 10, changed 0, unchanged 0/);
    expect(await Evaluation.countDocuments({ period: "2011" })).toBe(before.evaluations + 10);
  });
});
