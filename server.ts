import { env } from "./app/utils/env.server";

// Check the environment before loading anything that reads it, so a bad value is one clear message, not a stack trace.
try {
  env();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}

const { start } = await import("./server/start");
start();
