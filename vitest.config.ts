import path from "node:path";
import { defineConfig } from "vitest/config";

const alias = { "~": path.resolve(import.meta.dirname, "app") };
const env = { NODE_ENV: "test", CAPTCHA: "off", LOG_LEVEL: "silent", SEED_ON_START: "false" } as const;

export default defineConfig({
  test: {
    // Two cores: run files at most two at a time against the one embedded server.
    maxWorkers: 2,
    projects: [
      {
        resolve: { alias },
        test: { name: "unit", include: ["tests/unit/**/*.test.ts"], env, globals: true, setupFiles: ["tests/setup/no-console-error.ts"] },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          env,
          globals: true,
          globalSetup: ["tests/setup/embedded-database.ts"],
          setupFiles: ["tests/setup/no-console-error.ts"],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
