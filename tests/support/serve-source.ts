/**
 * The real server process (server/start.ts: probes, signals, shutdown) around the app built from the
 * sources, for tests that spawn it: `tsx tests/support/serve-source.ts`. No `remix build` needed.
 */
import { register } from "node:module";

// Stylesheets are URLs in the Remix build; from source they are stand-ins (these tests never load them).
const cssAsUrl = `export async function resolve(specifier, context, next) {
  if (/\\.css(\\?.*)?$/.test(specifier)) return { url: "data:text/javascript,export default '/build/app.css'", shortCircuit: true };
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(cssAsUrl)}`);

// Loaded inside startFrom, as server.ts loads the build: a refused environment is reported the same way.
const { startFrom } = await import("../../server/start");
await startFrom(async () => (await import("./source-build")).sourceBuild());
