import { randomBytes } from "node:crypto";
import mongoose from "mongoose";
import { afterAll, beforeAll, inject } from "vitest";
import { connectDatabase, disconnectDatabase } from "../../models/db/connection.server";

/** Connects this test file to a database of its own, dropped when the file ends. */
export function setupTestDatabase(): void {
  beforeAll(async () => {
    await connectDatabase({ uri: inject("databaseUri"), dbName: `test_${randomBytes(5).toString("hex")}` });
  });
  afterAll(async () => {
    await mongoose.connection.db?.dropDatabase();
    await disconnectDatabase();
  });
}
