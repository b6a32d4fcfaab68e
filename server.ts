import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { appRuntime } from "./server/runtime";
import { start } from "./server/start";

let build: ServerBuild;
try {
  // The Remix build as `remix build` wrote it, from the working directory like the static files.
  build = (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild;
  // Its modules read the environment as they load; check it all now.
  appRuntime(build).env();
} catch (error) {
  // A bad environment or a missing build is one clear message, not a stack trace.
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
}
start(build);
