import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterEach, beforeEach, describe, expect, inject, it } from "vitest";
import { connectDatabase, disconnectDatabase } from "../../models/db/connection.server";
import { syncAllIndexes } from "../../models/db/db-indexes.server";

// A fresh database per test, connected the way production connects: nothing builds indexes at connect time.
beforeEach(async () => {
  await connectDatabase({ uri: inject("databaseUri"), dbName: `test_${randomBytes(5).toString("hex")}`, buildIndexes: false });
});
afterEach(async () => {
  await mongoose.connection.db?.dropDatabase();
  await disconnectDatabase();
});

async function indexNames(collection: string): Promise<string[]> {
  const indexes = await mongoose.connection
    .db!.collection(collection)
    .listIndexes()
    .toArray()
    .catch(() => []);
  return indexes.map((index) => String(index.name)).sort();
}

describe("npm run db:indexes", () => {
  it("builds every model's indexes on a fresh database, and a second run changes nothing", async () => {
    expect(await indexNames("users")).toEqual([]);

    const dry = await syncAllIndexes({ dryRun: true });
    expect(dry.failures).toEqual([]);
    expect(dry.collections.find((c) => c.collection === "users")?.created).toEqual(
      expect.arrayContaining(["email_1", "role_1_email_1__id_1"]),
    );
    expect(await indexNames("users")).toEqual([]);

    const first = await syncAllIndexes();
    expect(first.failures).toEqual([]);
    // Every model the application defines that declares indexes has them all, besides _id.
    const indexed = Object.values(mongoose.models).filter((m) => m.schema.indexes().length > 0);
    expect(indexed.map((m) => m.modelName)).toEqual(
      expect.arrayContaining(["User", "Organization", "Evaluation", "Feedback", "AuditEvent"]),
    );
    for (const model of indexed) {
      expect(await indexNames(model.collection.collectionName), model.modelName).toHaveLength(model.schema.indexes().length + 1);
    }
    expect(await indexNames("users")).toEqual(["_id_", "email_1", "email_1__id_1", "role_1_email_1__id_1"]);
    expect(await indexNames("organizations")).toEqual(expect.arrayContaining(["code_1", "slug_1"]));
    expect(first.collections.find((c) => c.collection === "organizations")?.indexes.map((index) => index.name)).toEqual(
      expect.arrayContaining(["_id_", "code_1", "slug_1"]),
    );

    const second = await syncAllIndexes();
    expect(second.collections.flatMap((c) => [...c.created, ...c.dropped])).toEqual([]);
  });

  it("drops an index that no model declares", async () => {
    expect((await syncAllIndexes()).failures).toEqual([]);
    await mongoose.connection.db!.collection("users").createIndex({ createdAt: 1 }, { name: "createdAt_1" });
    const result = await syncAllIndexes();
    expect(result.collections.find((c) => c.collection === "users")?.dropped).toEqual(["createdAt_1"]);
    expect(await indexNames("users")).toEqual(["_id_", "email_1", "email_1__id_1", "role_1_email_1__id_1"]);
  });

  it("reports an index that cannot be built as an index failure, and builds the rest", async () => {
    expect((await syncAllIndexes()).failures).toEqual([]);
    const organizations = mongoose.connection.db!.collection("organizations");
    await organizations.dropIndex("slug_1");
    await organizations.insertMany([
      { code: "X-1", slug: "trung-slug", name: "A" },
      { code: "X-2", slug: "trung-slug", name: "B" },
    ]);
    const result = await syncAllIndexes();
    expect(result.failures.map((failure) => failure.message)).toEqual([expect.stringMatching(/^index build failed for Organization: /)]);
    expect(result.collections.find((c) => c.collection === "users")?.indexes.find((index) => index.name === "email_1")).toMatchObject({
      unique: true,
    });
    expect(await indexNames("organizations")).not.toContain("slug_1");
  });
});
