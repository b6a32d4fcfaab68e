import { describe, expect, it } from "vitest";
import { Period } from "../../models/catalog/period.server";
import { isFerretDB, pingDatabase, serialised } from "../../models/db/connection.server";
import { createPeriod } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";

setupTestDatabase();

describe("database connection", () => {
  it("answers a ping", async () => {
    expect(await pingDatabase()).toBe(true);
  });

  it.runIf(!process.env.MONGODB_URI)("knows it talks to FerretDB when embedded", () => {
    expect(isFerretDB()).toBe(true);
  });

  it("stores and reads a period in this file's own database", async () => {
    await createPeriod({ code: "2011" });
    expect(await Period.countDocuments({ code: "2011" })).toBe(1);
  });

  it("serialises read-modify-writes so 30 racing increments all count", async () => {
    const { id } = await createPeriod({ code: "2030" });
    await Promise.all(Array.from({ length: 30 }, () => serialised(Period, id, () => Period.updateOne({ _id: id }, { $inc: { year: 1 } }))));
    const doc = await Period.findById(id, { year: 1 }).lean();
    expect(doc?.year).toBe(2060);
  });
});
