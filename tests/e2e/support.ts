import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// The same DATA_DIR as playwright.config.ts: the user script reuses the running embedded database.
const PORT = Number(process.env.E2E_PORT ?? 3300);
const DATA_DIR = `.cache/e2e-data-${PORT}`;

export interface Account {
  email: string;
  password: string;
}

const SPECS = [
  "accessibility",
  "admin",
  "browse",
  "feedback",
  "moderation",
  "races",
  "sharing",
  "summary",
  "follow-up",
  "replies",
] as const;

/**
 * `test.use` options giving a spec a client address of its own: the server trusts the loopback proxy's
 * X-Forwarded-For (server/app.ts), so the feedback quota and the mutation limit never count one spec against another.
 */
export function ownClient(spec: (typeof SPECS)[number]) {
  return { extraHTTPHeaders: { "X-Forwarded-For": `198.51.100.${SPECS.indexOf(spec) + 1}` } };
}

/** axe with the WCAG 2 A and AA rules; any serious or critical violation fails the test. */
export async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

/** Creates an account the way an operator does: `npm run user -- create`, password on stdin; an organization account names its organization's code. */
export function createUser(account: Account, role: "moderator" | "committee" | "admin" | "organization", organization?: string) {
  const args = [
    "tsx",
    "scripts/user.ts",
    "create",
    "--email",
    account.email,
    "--role",
    role,
    ...(organization ? ["--organization", organization] : []),
  ];
  const result = spawnSync("npx", args, {
    input: `${account.password}\n`,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR, LOG_LEVEL: "error", SEED_ON_START: "false" },
  });
  expect(result.status, result.stderr).toBe(0);
}

/** Logs in through the Vietnamese login form on the current page and waits to be let in. */
export async function login(page: Page, account: Account) {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Mật khẩu").fill(account.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
