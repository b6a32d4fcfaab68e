import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { spawnServer, type SpawnedServer } from "../support/spawn-server";

let server: SpawnedServer;
let databaseUri = "";

beforeAll(async () => {
  const url = new URL(inject("databaseUri"));
  url.pathname = `/test_${randomBytes(5).toString("hex")}`;
  databaseUri = url.toString();
  // Two organizations sharing a code: the unique {code} index cannot be built over them.
  const connection = await mongoose.createConnection(databaseUri).asPromise();
  const twin = { slug: "x", name: "X", nameSearch: "x", kind: "chi-bo-co-so", district: "Biên Hòa", members: 1, active: true };
  await connection.db!.collection("organizations").insertMany([
    { ...twin, code: "TWIN", slug: "twin-a" },
    { ...twin, code: "TWIN", slug: "twin-b" },
  ]);
  await connection.close();
  server = spawnServer({ MONGODB_URI: databaseUri });
}, 120_000);

afterAll(async () => {
  if (server.child.exitCode === null) server.child.kill("SIGKILL");
  const connection = await mongoose.createConnection(databaseUri).asPromise();
  await connection.db?.dropDatabase();
  await connection.close();
});

describe("an index that cannot be built at start", () => {
  it("keeps the server up but not ready, and /readyz says which index build failed", async () => {
    const { port } = await server.logLine((line) => line.port !== undefined);
    const logged = await server.logLine((line) => line.level === "error");
    expect(logged.error).toMatch(/^index build failed for Organization: /);

    const response = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(response.status).toBe(503);
    const body = (await response.json()) as { status: string; reason: string };
    expect(body).toEqual({ status: "unavailable", reason: logged.error });
    expect((await fetch(`http://127.0.0.1:${port}/livez`)).status).toBe(200);

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
  });
});
