import path from "node:path";
import { pathToFileURL } from "node:url";
import type { ServerBuild } from "@remix-run/node";
import { startFrom } from "./server/start";

// The Remix build as `remix build` wrote it, from the working directory like the static files.
await startFrom(async () => (await import(pathToFileURL(path.resolve("build/index.js")).href)) as ServerBuild);
