import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { startOrReuseEmbedded } from "../../embedded-db/launcher";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUri: string;
  }
}

/** One embedded FerretDB for the whole integration run (or MONGODB_URI when set); each test file uses its own database. */
export default async function setup(project: TestProject) {
  const external = process.env.MONGODB_URI;
  if (external) {
    project.provide("databaseUri", external);
    return;
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), "congkhai-test-"));
  const server = await startOrReuseEmbedded(dataDir, () => undefined);
  project.provide("databaseUri", server.uri);
  return async () => {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
