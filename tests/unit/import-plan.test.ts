import { describe, expect, it } from "vitest";
import { planImport, type ExistingEvaluation } from "../../models/import/import-plan.server";
import type { StoredOrganization } from "../../models/catalog/organization.server";
import type { ImportRow } from "../../models/import/import-rows.server";

const row = (overrides: Partial<ImportRow> = {}): ImportRow => ({
  line: 2,
  code: "BH-001",
  name: "Chi bộ Ấp 1",
  kind: "chi-bo-co-so",
  district: "Biên Hòa",
  rating: "tsvm",
  members: 10,
  summary: "",
  memberCounts: [
    { key: "xuat-sac", count: 2 },
    { key: "tot", count: 8 },
    { key: "vi-pham", count: 0 },
  ],
  ...overrides,
});
const org: StoredOrganization = {
  id: "64b000000000000000000001",
  code: "BH-001",
  slug: "chi-bo-ap-1-bh-001",
  name: "Chi bộ Ấp 1",
  kind: "chi-bo-co-so",
  district: "Biên Hòa",
  members: 10,
};
const evaluation: ExistingEvaluation = {
  id: "64b0000000000000000000e1",
  organization: org.id,
  orgCode: "BH-001",
  orgName: "Chi bộ Ấp 1",
  nameSearch: "chi bo ap 1",
  kind: "chi-bo-co-so",
  district: "Biên Hòa",
  rating: "tsvm",
  members: 10,
  // Stored without the zero count: still the same numbers.
  memberCounts: [
    { key: "tot", count: 8 },
    { key: "xuat-sac", count: 2 },
  ],
  summary: "",
};

describe("planImport", () => {
  it("leaves a row alone when only the order or the zeros of its member counts differ", () => {
    const plan = planImport("2011", [row()], { organizations: [org], evaluations: [evaluation] });
    expect(plan.rows).toEqual([{ line: 2, code: "BH-001", name: "Chi bộ Ấp 1", outcome: "unchanged", fields: [] }]);
    expect(plan.organizationUpdates).toEqual([]);
    expect(plan.evaluationUpdates).toEqual([]);
  });

  it("sets only the differing fields and names them as the file does", () => {
    const plan = planImport("2011", [row({ name: "Chi bộ Ấp Một", rating: "hoan-thanh" })], {
      organizations: [org],
      evaluations: [evaluation],
    });
    expect(plan.rows[0]).toMatchObject({ outcome: "changed", fields: ["name", "rating"] });
    expect(plan.organizationUpdates).toEqual([{ id: org.id, set: { name: "Chi bộ Ấp Một", nameSearch: "chi bo ap mot" } }]);
    expect(plan.evaluationUpdates).toEqual([
      { id: evaluation.id, set: { orgName: "Chi bộ Ấp Một", nameSearch: "chi bo ap mot", rating: "hoan-thanh" } },
    ]);
  });

  it("gives a new organization a slug nobody holds and its evaluation the new organization's id", () => {
    const plan = planImport("2012", [row({ code: "bh-001", line: 3 })], {
      organizations: [{ ...org, slug: "chi-bo-ap-1-bh-001" }],
      evaluations: [],
    });
    expect(plan.organizationInserts[0]?.slug).toBe("chi-bo-ap-1-bh-001-2");
    expect(String(plan.evaluationInserts[0]?.organization)).toBe(String(plan.organizationInserts[0]?._id));
    expect(plan.rows[0]?.outcome).toBe("created");
  });
});
