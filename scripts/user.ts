/**
 * Account management: `npm run user -- create --email E --role moderator|committee|admin`
 * (or `--role organization --organization CODE` for an organization's representative),
 * `disable --email E`, `reset-password --email E`. Passwords come from standard input only,
 * so they never appear in the shell history or the process list.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { ROLES } from "../models/accounts/user.server";
import { MIN_PASSWORD_LENGTH } from "../models/accounts/password.server";
import { AccountError, createUser, disableUser, resetPassword } from "../models/accounts/users-admin.server";
import { runScript } from "../embedded-db/open";
import { argumentsOrExit, cliText } from "./cli-args";

const USAGE = `usage:
  npm run user -- create --email E --role moderator|committee|admin   (password on stdin)
  npm run user -- create --email E --role organization --organization CODE
  npm run user -- disable --email E
  npm run user -- reset-password --email E                            (password on stdin)`;

const Email = z
  .string({ required_error: cliText("emailRequired") })
  .trim()
  .toLowerCase()
  .email(cliText("emailInvalid"))
  .max(254, cliText("emailInvalid"));
const CreateSchema = z.object({
  command: z.literal("create"),
  email: Email,
  role: z.enum(ROLES, { errorMap: () => ({ message: cliText("roleInvalid", { roles: ROLES.join(", ") }) }) }),
  organization: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,40}$/, cliText("organizationInvalid"))
    .optional(),
});
const CommandSchema = z
  .discriminatedUnion(
    "command",
    [
      CreateSchema,
      z.object({ command: z.literal("disable"), email: Email }),
      z.object({ command: z.literal("reset-password"), email: Email }),
    ],
    {
      errorMap: (issue, ctx) => ({ message: issue.code === "invalid_union_discriminator" ? cliText("commandRequired") : ctx.defaultError }),
    },
  )
  .superRefine((input, ctx) => {
    if (input.command !== "create") return;
    if (input.role === "organization" && !input.organization)
      ctx.addIssue({ code: "custom", path: ["organization"], message: cliText("organizationRequired") });
    if (input.role !== "organization" && input.organization)
      ctx.addIssue({ code: "custom", path: ["organization"], message: cliText("organizationOnly") });
  });
const PasswordSchema = z
  .string()
  .min(MIN_PASSWORD_LENGTH, cliText("passwordShort", { min: MIN_PASSWORD_LENGTH }))
  .max(200, cliText("passwordLong", { max: 200 }));

const EXIT_USAGE = 2;
const EXIT_FAILED = 1;
const CLI = { email: "cli" };

function parseCommand(argv: string[]) {
  const { positionals, values } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: { email: { type: "string" }, role: { type: "string" }, organization: { type: "string" } },
  });
  return CommandSchema.safeParse({ command: positionals[0], ...values });
}

function fail(code: number, lines: string[]): number {
  for (const line of lines) console.error(line);
  return code;
}

/** The whole of standard input without its trailing newline (one password, piped); exits when too short. */
async function passwordFromStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  const result = PasswordSchema.safeParse(
    Buffer.concat(chunks)
      .toString("utf8")
      .replace(/\r?\n$/, ""),
  );
  if (!result.success)
    process.exit(
      fail(
        EXIT_USAGE,
        result.error.issues.map((issue) => issue.message),
      ),
    );
  return result.data;
}

function accountErrorText(error: AccountError, command: { email: string; organization?: string }): string {
  if (error.code === "email_taken") return cliText("emailTaken", { email: command.email });
  if (error.code === "unknown_organization") return cliText("unknownOrganization", { code: command.organization ?? "" });
  return cliText("noAccount", { email: command.email });
}

async function main(): Promise<void> {
  const command = argumentsOrExit(USAGE, () => parseCommand(process.argv.slice(2)));
  const password = command.command === "disable" ? "" : await passwordFromStdin();

  await runScript(async () => {
    try {
      if (command.command === "create") {
        await createUser({ email: command.email, role: command.role, organization: command.organization, password, actor: CLI });
        console.log(`created ${command.role} ${command.email}${command.organization ? ` for ${command.organization}` : ""}`);
      } else if (command.command === "disable") {
        const { revoked } = await disableUser({ email: command.email, actor: CLI });
        console.log(`disabled ${command.email}; ${revoked} session(s) revoked`);
      } else {
        const { revoked } = await resetPassword({ email: command.email, password, actor: CLI });
        console.log(`password reset for ${command.email}; ${revoked} session(s) revoked`);
      }
      return 0;
    } catch (error) {
      if (error instanceof AccountError) {
        return fail(EXIT_FAILED, [accountErrorText(error, command)]);
      }
      throw error;
    }
  });
}

void main();
