import { afterEach, beforeEach, vi } from "vitest";

let errors: unknown[][] = [];

// Any console.error during a test fails it: errors users would never see are still errors.
beforeEach(() => {
  errors = [];
  vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
    errors.push(args);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  if (errors.length > 0) throw new Error(`console.error was called: ${errors.map((args) => args.map(String).join(" ")).join("\n")}`);
});
