import mongoose from "mongoose";
import { describe, expect, it } from "vitest";
import { isFerretDB } from "../../models/db/connection.server";
import { setupTestDatabase } from "./database";

setupTestDatabase();

/** Documents about the size of a feedback item, so a scan would cost what it costs in production. */
function documents(count: number) {
  return Array.from({ length: count }, (_, i) => ({
    _id: new mongoose.Types.ObjectId(),
    n: i,
    hits: 0,
    body: "Ý kiến của người dân ".repeat(20),
  }));
}

async function timeUpdate(collection: mongoose.mongo.Collection, id: mongoose.Types.ObjectId): Promise<number> {
  const started = performance.now();
  const result = await collection.updateOne({ _id: id }, { $inc: { hits: 1 } });
  const elapsed = performance.now() - started;
  expect(result.modifiedCount).toBe(1);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

describe("the patched embedded database", () => {
  // A scan grows 20× from 1,000 to 20,000 documents; an index look-up stays flat. Measurements are
  // interleaved, so load on the machine slows both sides alike and the ratio is what remains.
  it("finds, updates and deletes by _id through the index: 20× the documents costs well under 2× the time", async () => {
    const db = mongoose.connection.db!;
    const small = db.collection("id_small");
    const large = db.collection("id_large");
    const smallDocs = documents(1_000);
    const largeDocs = documents(20_000);
    await small.insertMany(smallDocs);
    for (let i = 0; i < largeDocs.length; i += 2_000) await large.insertMany(largeDocs.slice(i, i + 2_000));

    const smallTimes: number[] = [];
    const largeTimes: number[] = [];
    for (let round = 0; round < 40; round++) {
      smallTimes.push(await timeUpdate(small, smallDocs[(round * 97) % smallDocs.length]!._id));
      largeTimes.push(await timeUpdate(large, largeDocs[(round * 997) % largeDocs.length]!._id));
    }
    const ratio = median(largeTimes) / median(smallTimes);
    expect(
      ratio,
      `median update by _id: ${median(smallTimes).toFixed(2)} ms at 1,000, ${median(largeTimes).toFixed(2)} ms at 20,000`,
    ).toBeLessThan(2);

    const target = largeDocs[12_345]!;
    expect(await large.findOne({ _id: target._id }, { projection: { n: 1 } })).toEqual({ _id: target._id, n: 12_345 });
    expect((await large.deleteOne({ _id: target._id })).deletedCount).toBe(1);
    expect(await large.countDocuments()).toBe(19_999);
  });

  it.runIf(!process.env.MONGODB_URI)("runs on FerretDB when no external database is given", () => {
    expect(isFerretDB()).toBe(true);
  });
});
