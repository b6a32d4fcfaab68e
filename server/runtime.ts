import type { ServerBuild } from "@remix-run/node";
import type { AppRuntime } from "../app/entry.server";

export type { AppRuntime };

/** The app's server-side functions, taken from the build's server entry so app/ and models/ load once. */
export function appRuntime(build: ServerBuild): AppRuntime {
  const runtime = (build.entry.module as { runtime?: AppRuntime }).runtime;
  if (!runtime) throw new Error("The Remix build's server entry exports no `runtime`: run `npm run build` again.");
  return runtime;
}
