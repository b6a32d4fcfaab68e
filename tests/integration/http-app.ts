import type { AddressInfo } from "node:net";
import path from "node:path";
import type { Server } from "node:http";
import type { ServerBuild } from "@remix-run/node";
// The route-file convention itself, without the package index (which loads Vite).
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import { afterAll, beforeAll } from "vitest";
import remixConfig from "../../remix.config.js";
import * as entryServer from "../../app/entry.server";
import { createApp, markReady } from "../../server/app";

type RouteModule = ServerBuild["routes"][string]["module"];

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/**
 * The Remix server build made from the sources in this process, so the HTTP layer is tested with the
 * app as it is now and without a `remix build` (which would also fight other runs over build/).
 * Browser assets are named but never served: these tests read status, headers and HTML only.
 */
async function sourceBuild(): Promise<ServerBuild> {
  const manifest = flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles);
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  const entries = [{ id: "root", file: "root.tsx" } as { id: string; file: string; path?: string; index?: boolean; parentId?: string }, ...Object.values(manifest)];
  for (const route of entries) {
    const module = (await import(/* @vite-ignore */ path.join(APP_DIR, route.file))) as RouteModule;
    const shape = { id: route.id, parentId: route.id === "root" ? undefined : (route.parentId ?? "root"), path: route.path, index: route.index };
    routes[route.id] = { ...shape, module };
    assetRoutes[route.id] = {
      ...shape,
      module: `/build/${route.id}.js`,
      imports: [],
      hasAction: "action" in module,
      hasLoader: "loader" in module,
      hasClientAction: false,
      hasClientLoader: false,
      hasErrorBoundary: "ErrorBoundary" in module,
    };
  }
  return {
    mode: "production",
    entry: { module: entryServer },
    routes,
    assets: { entry: { module: "/build/entry.client.js", imports: [] }, routes: assetRoutes, url: "/build/manifest.js", version: "test" },
    publicPath: "/build/",
    assetsBuildDirectory: "public/build",
    future: { ...remixConfig.future, v3_singleFetch: true } as ServerBuild["future"],
    isSpaMode: false,
  };
}

/** Starts the real Express app (headers, limits, logs, Remix) on a free port for this test file. */
export function setupHttpApp(): { url: (pathname: string) => string } {
  let server: Server | undefined;
  let base = "";
  beforeAll(async () => {
    const app = createApp({ build: await sourceBuild() });
    markReady();
    server = await new Promise<Server>((resolve) => {
      const listening = app.listen(0, "127.0.0.1", () => resolve(listening));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
  });
  return { url: (pathname) => `${base}${pathname}` };
}

/**
 * Everything the app writes to stdout and stderr while this file runs (the JSON log lines), kept out of
 * the test output. Turn logging on with `vi.hoisted(() => (process.env.LOG_LEVEL = "info"))` first.
 */
export function captureLog(): { lines: () => string[]; clear: () => void } {
  let text = "";
  const originals = { out: process.stdout.write.bind(process.stdout), err: process.stderr.write.bind(process.stderr) };
  beforeAll(() => {
    const keep = (chunk: string | Uint8Array) => {
      text += typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8");
      return true;
    };
    process.stdout.write = keep as typeof process.stdout.write;
    process.stderr.write = keep as typeof process.stderr.write;
  });
  afterAll(() => {
    process.stdout.write = originals.out;
    process.stderr.write = originals.err;
  });
  return { lines: () => text.split("\n").filter(Boolean), clear: () => void (text = "") };
}
