import { readdirSync } from "node:fs";
import { defineConfig, devices, type Project } from "@playwright/test";

// E2E_PORT lets several people run browser tests side by side, each with its own database.
const PORT = Number(process.env.E2E_PORT ?? 3300);
const DATA_DIR = `.cache/e2e-data-${PORT}`;

const chromium: Project["use"] = {
  ...devices["Desktop Chrome"],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-quic",
      "--no-first-run",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
    ],
  },
};

/**
 * E2E_REVERSE=1 (CI) runs the spec files in reverse alphabetical order, to prove none leans on another's data:
 * one project per file, since Playwright sorts a project's files by name but runs projects in config order.
 */
function projects(): Project[] {
  if (process.env.E2E_REVERSE !== "1") return [{ name: "chromium", use: chromium }];
  const specs = readdirSync(new URL("tests/e2e", import.meta.url))
    .filter((file) => file.endsWith(".spec.ts"))
    .sort()
    .reverse();
  return specs.map((file) => ({ name: `chromium ${file}`, testMatch: file, use: chromium }));
}

/** Browser tests drive Debian's Chromium against the built app on a fresh, seeded embedded database. */
export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [["list"]],
  use: {
    baseURL: `http://localhost:${PORT}`,
    trace: "off",
    locale: "vi-VN",
  },
  projects: projects(),
  webServer: {
    command: `rm -rf ${DATA_DIR} && tsx server.ts`,
    url: `http://localhost:${PORT}/healthz`,
    timeout: 240_000,
    reuseExistingServer: false,
    stdout: "ignore",
    stderr: "pipe",
    env: { PORT: String(PORT), DATA_DIR, CAPTCHA: "off", NODE_ENV: "test", LOG_LEVEL: "error", SEED_ON_START: "true" },
  },
});
