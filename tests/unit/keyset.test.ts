import { describe, expect, it } from "vitest";
import { afterPosition } from "../../models/db/keyset.server";

const AT = new Date("2026-11-29T00:00:00Z");

describe("keyset filters", () => {
  it("bound the sort key at the top level beside the tie-breaking $or", () => {
    expect(afterPosition({ period: "2011" }, { field: "orgCode", key: "DN-1", id: "a", order: "asc" })).toEqual({
      period: "2011",
      orgCode: { $gte: "DN-1" },
      $or: [{ orgCode: { $gt: "DN-1" } }, { orgCode: "DN-1", _id: { $gt: "a" } }],
    });
  });

  it("merge the bound into a range the filter already has", () => {
    expect(afterPosition({ createdAt: { $gte: new Date(0), $lt: AT } }, { field: "createdAt", key: AT, id: "b", order: "desc" })).toEqual({
      createdAt: { $gte: new Date(0), $lt: AT, $lte: AT },
      $or: [{ createdAt: { $lt: AT } }, { createdAt: AT, _id: { $lt: "b" } }],
    });
  });

  it("keep an $or of the filter's own apart with $and", () => {
    const filter = afterPosition({ $or: [{ a: 1 }, { b: 2 }] }, { field: "email", key: "x@y", id: "c", order: "asc" });
    expect(filter).toEqual({
      $and: [
        { $or: [{ a: 1 }, { b: 2 }], email: { $gte: "x@y" } },
        { $or: [{ email: { $gt: "x@y" } }, { email: "x@y", _id: { $gt: "c" } }] },
      ],
    });
  });
});
