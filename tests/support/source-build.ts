import path from "node:path";
import type { ServerBuild } from "@remix-run/node";
// The route-file convention itself, without the package index (which loads Vite).
import { flatRoutes } from "@remix-run/dev/dist/config/flat-routes.js";
import remixConfig from "../../remix.config.js";
import * as entryServer from "../../app/entry.server";

type RouteModule = ServerBuild["routes"][string]["module"];

const APP_DIR = path.resolve(import.meta.dirname, "../../app");

/**
 * The Remix server build made from the sources in this process, so the HTTP layer is tested with the
 * app as it is now and without a `remix build` (which would also fight other runs over build/).
 * Browser assets are named but never served: these tests read status, headers and HTML only.
 */
export async function sourceBuild(): Promise<ServerBuild> {
  const manifest = flatRoutes(APP_DIR, remixConfig.ignoredRouteFiles);
  const routes: ServerBuild["routes"] = {};
  const assetRoutes: ServerBuild["assets"]["routes"] = {};
  const entries = [
    { id: "root", file: "root.tsx" } as { id: string; file: string; path?: string; index?: boolean; parentId?: string },
    ...Object.values(manifest),
  ];
  for (const route of entries) {
    const module = (await import(/* @vite-ignore */ path.join(APP_DIR, route.file))) as RouteModule;
    const shape = {
      id: route.id,
      parentId: route.id === "root" ? undefined : (route.parentId ?? "root"),
      path: route.path,
      index: route.index,
    };
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
