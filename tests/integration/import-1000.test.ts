import { describe, expect, it } from "vitest";
import { toCsv } from "../../models/csv";
import { Evaluation } from "../../models/evaluation";
import { importResults } from "../../models/import";
import { importColumns } from "../../models/import-rows";
import { DISTRICTS } from "../../models/organization";
import { MEMBER_SCALE_2011, ORGANIZATION_SCALE_2011 } from "../../models/scales";
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
  it("takes under 10 seconds, and re-importing them writes nothing", async () => {
    await createPeriod({ code: "2011" });
    const bytes = thousandRows();
    const started = performance.now();
    const report = await importResults({ bytes, period: "2011", source: "cli" });
    const seconds = (performance.now() - started) / 1000;
    expect(report).toMatchObject({ applied: true, created: 1000, issues: [] });
    expect(seconds).toBeLessThan(10);
    expect(await Evaluation.countDocuments({ period: "2011" })).toBe(1000);

    const again = await importResults({ bytes, period: "2011", source: "cli" });
    expect(again).toMatchObject({ created: 0, changed: 0, unchanged: 1000 });
  });
});
