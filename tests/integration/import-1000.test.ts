import { describe, expect, it } from "vitest";
import { toCsv } from "../../models/lib/csv";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { importResults } from "../../models/import/import.server";
import { importColumns } from "../../models/import/import-rows.server";
import { DISTRICTS } from "../../models/catalog/organization.server";
import { MEMBER_SCALE_2011, ORGANIZATION_SCALE_2011 } from "../../models/lib/scales";
import { createPeriod } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";

setupTestDatabase();

/** 1,000 distinct organizations in the 2011 format. */
function thousandRows(): Uint8Array {
  const rows = Array.from({ length: 1000 }, (_, i) => {
    const members = 10 + (i % 290);
    const top = Math.floor(members / 5);
    return [
      `K-${String(i).padStart(4, "0")}`,
      `Chi bộ Ấp ${i} xã Phước Tân`,
      "chi-bo-co-so",
      DISTRICTS[i % DISTRICTS.length]!,
      ORGANIZATION_SCALE_2011[i % 5]!.key,
      members,
      `Nhận xét, số ${i}`,
      top,
      members - top,
      0,
      0,
    ];
  });
  return new TextEncoder().encode(toCsv([importColumns(MEMBER_SCALE_2011), ...rows]));
}

describe("importing 1,000 rows", () => {
  // Its speed is measured by the benchmark, not asserted here: wall-clock limits fail on a busy machine.
  it("imports 1,000 rows in one go, and re-importing them writes nothing", async () => {
    await createPeriod({ code: "2011" });
    const bytes = thousandRows();
    const report = await importResults({ bytes, period: "2011", source: "cli" });
    expect(report).toMatchObject({ applied: true, created: 1000, issues: [] });
    expect(await Evaluation.countDocuments({ period: "2011" })).toBe(1000);
    const sample = await Evaluation.findOne({ period: "2011", orgCode: "K-0999" }, { _id: 0, orgName: 1, rating: 1, members: 1 }).lean();
    expect(sample).toEqual({
      orgName: "Chi bộ Ấp 999 xã Phước Tân",
      rating: ORGANIZATION_SCALE_2011[999 % 5]!.key,
      members: 10 + (999 % 290),
    });

    const again = await importResults({ bytes, period: "2011", source: "cli" });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 1000 });
  });
});
