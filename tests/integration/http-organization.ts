import { beforeAll } from "vitest";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

/**
 * A database of this file's own, the real Express app, and period 2011 open with one rated organization in it.
 * The evaluation id is known once beforeAll has run, hence a function.
 */
export function setupHttpWithOrganization(organization: { code: string; name: string }) {
  setupTestDatabase();
  const http = setupHttpApp();
  let evaluationId = "";
  beforeAll(async () => {
    await createPeriod({ code: "2011" });
    evaluationId = (await createRatedOrganization({ ...organization, period: "2011" })).evaluationId;
  });
  return { http, evaluationId: () => evaluationId };
}
