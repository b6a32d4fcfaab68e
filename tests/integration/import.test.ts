import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { exportPeriodCsv } from "../../models/import/export.server";
import { importResults } from "../../models/import/import.server";
import { Organization } from "../../models/catalog/organization.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../fixtures/${name}`, import.meta.url)));
const utf8 = (text: string) => new TextEncoder().encode(text);
const HEADER = "code,name,kind,district,rating,members,summary,members:xuat-sac,members:tot,members:hoan-thanh,members:vi-pham";

beforeAll(async () => {
  await createPeriod({ code: "2011" });
});

let made = 0;
/** A period of this test's own, so no test depends on what another imported. */
async function ownPeriod(): Promise<string> {
  made += 1;
  return (await createPeriod({ code: String(2100 + made) })).code;
}

/** The good fixture with its organization codes renamed `PREFIX-001`…, so each test has organizations of its own. */
function goodFile(prefix: string): Uint8Array {
  return utf8(new TextDecoder().decode(fixture("import-2011-good.csv")).replaceAll("IMP-", `${prefix}-`));
}

describe("importResults", () => {
  it("names exactly the bad lines 4, 7 and 11 with reasons and writes nothing, not even the good rows", async () => {
    const report = await importResults({ bytes: fixture("import-2011-bad-lines-4-7-11.csv"), period: "2011", source: "cli" });
    expect(report.applied).toBe(false);
    expect(report.issues.map((issue) => [issue.line, issue.reason])).toEqual([
      [4, "admin:import.errors.unknownRating"],
      [7, "admin:import.errors.unknownDistrict"],
      [11, "admin:import.errors.negativeCount"],
    ]);
    expect(report.issues[0]!.params).toMatchObject({ column: "rating", value: "xuat-sac-nhat" });
    expect(await Organization.countDocuments({ code: /^BAD-/ })).toBe(0);
    expect(await Evaluation.countDocuments({ orgCode: /^BAD-/ })).toBe(0);
  });

  it("writes nothing on a dry run", async () => {
    const period = await ownPeriod();
    const report = await importResults({ bytes: goodFile("DRY"), period, source: "cli", dryRun: true });
    expect(report).toMatchObject({ applied: false, rows: 10, created: 10, changed: 0, unchanged: 0, issues: [] });
    expect(await Evaluation.countDocuments({ period })).toBe(0);
    expect(await Organization.countDocuments({ code: /^DRY-/ })).toBe(0);
  });

  it("imports a good file, then importing it again changes nothing", async () => {
    const first = await importResults({ bytes: fixture("import-2011-good.csv"), period: "2011", source: "cli" });
    expect(first).toMatchObject({ applied: true, created: 10, changed: 0, unchanged: 0, organizationsCreated: 10 });
    const org = await Organization.findOne({ code: "IMP-001" }).lean();
    expect(org).toMatchObject({
      name: "Chi bộ Khu phố 1, phường Trung Dũng",
      nameSearch: "chi bo khu pho 1, phuong trung dung",
      district: "Biên Hòa",
      members: 42,
    });
    expect(org?.slug).toBe("chi-bo-khu-pho-1-phuong-trung-dung-imp-001");
    const ev = await Evaluation.findOne({ period: "2011", orgCode: "IMP-001" }).lean();
    expect(ev).toMatchObject({
      rating: "tsvm-tieu-bieu",
      summary: 'Lãnh đạo tốt phong trào "Dân vận khéo"',
      counters: { agree: 0, pending: 0 },
    });
    expect(ev?.memberCounts).toEqual([
      { key: "xuat-sac", count: 10 },
      { key: "tot", count: 28 },
      { key: "hoan-thanh", count: 4 },
      { key: "vi-pham", count: 0 },
    ]);
    const before = await Evaluation.find({ period: "2011" }, { updatedAt: 1 }).sort({ _id: 1 }).lean();

    const again = await importResults({ bytes: fixture("import-2011-good.csv"), period: "2011", source: "cli" });
    expect(again).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 10, organizationsCreated: 0 });
    const after = await Evaluation.find({ period: "2011" }, { updatedAt: 1 }).sort({ _id: 1 }).lean();
    expect(after).toEqual(before);
  });

  it("changes only the rows that differ and leaves feedback counters alone", async () => {
    const period = await ownPeriod();
    expect(await importResults({ bytes: goodFile("CHG"), period, source: "cli" })).toMatchObject({ created: 10 });
    await Evaluation.updateOne({ period, orgCode: "CHG-002" }, { $set: { "counters.agree": 7, "counters.pending": 2 } });
    const text = new TextDecoder()
      .decode(goodFile("CHG"))
      .replace(
        "CHG-002,Chi bộ Ấp 2 xã Bàu Hàm,chi-bo-co-so,Trảng Bom,tsvm,",
        "CHG-002,Chi bộ Ấp 2 xã Bàu Hàm,chi-bo-co-so,Trảng Bom,hoan-thanh-tot,",
      );
    const report = await importResults({ bytes: utf8(text), period, source: "cli" });
    expect(report).toMatchObject({ created: 0, changed: 1, unchanged: 9 });
    expect(report.planned.find((row) => row.code === "CHG-002")).toMatchObject({ outcome: "changed", fields: ["rating"] });
    const ev = await Evaluation.findOne({ period, orgCode: "CHG-002" }).lean();
    expect(ev).toMatchObject({ rating: "hoan-thanh-tot", counters: { agree: 7, pending: 2 } });
  });

  it("exports a period in the import format so the export re-imports with no change", async () => {
    const period = await ownPeriod();
    expect(await importResults({ bytes: goodFile("EXP"), period, source: "cli" })).toMatchObject({ created: 10 });
    // A fixture evaluation stores only two member keys; the others count as 0 and still compare equal.
    await createRatedOrganization({ code: "FIX-1", name: "Chi bộ Ấp Tân Cang", period, members: 30 });
    // A summary a spreadsheet would run as a formula is neutralised in the file and restored by the import.
    await Evaluation.updateOne({ orgCode: "FIX-1", period }, { $set: { summary: "-Đạt; =SUM(1)" } });
    const csv = await exportPeriodCsv({ period });
    expect(csv?.split("\r\n")[0]).toBe(`\uFEFF${HEADER}`);
    expect(csv).toContain("FIX-1,Chi bộ Ấp Tân Cang,chi-bo-co-so,Biên Hòa,tsvm,30,'-Đạt; =SUM(1),6,24,0,0");
    const report = await importResults({ bytes: utf8(csv!), period, source: "cli" });
    expect(report).toMatchObject({ applied: true, created: 0, changed: 0, unchanged: 11 });
  });

  it("creates the evaluations of a new period for organizations that already exist", async () => {
    const [earlier, later] = [await ownPeriod(), await ownPeriod()];
    expect(await importResults({ bytes: goodFile("NEW"), period: earlier, source: "cli" })).toMatchObject({ organizationsCreated: 10 });
    const report = await importResults({ bytes: goodFile("NEW"), period: later, source: "web" });
    expect(report).toMatchObject({ created: 10, organizationsCreated: 0 });
    expect(await Evaluation.countDocuments({ period: later })).toBe(10);
    expect(await Organization.countDocuments({ code: /^NEW-/ })).toBe(10);
  });
});

describe("importResults refuses whole files", () => {
  it("says so when the file is not UTF-8", async () => {
    const latin1 = new Uint8Array([...utf8(`${HEADER}\nX-1,Chi b`), 0xf4, ...utf8(",chi-bo-co-so,Biên Hòa,tsvm,1,,0,1,0,0\n")]);
    const report = await importResults({ bytes: latin1, period: "2011", source: "cli" });
    expect(report.issues).toEqual([{ line: 2, reason: "admin:import.errors.notUtf8" }]);
  });

  it("reports missing and extra columns on the header line", async () => {
    const report = await importResults({
      bytes: utf8("code,name,kind,district,rating,members,notes\nA,B,chi-bo-co-so,Biên Hòa,tsvm,1,x\n"),
      period: "2011",
      source: "cli",
    });
    expect(report.issues.map((issue) => [issue.line, issue.reason, issue.params?.value])).toEqual([
      [1, "admin:import.errors.missingColumns", "summary, members:xuat-sac, members:tot, members:hoan-thanh, members:vi-pham"],
      [1, "admin:import.errors.extraColumns", "notes"],
    ]);
  });

  it("reports repeated codes, missing names, non-numeric counts and short lines by line number", async () => {
    const rows = [
      HEADER,
      "D-1,Chi bộ A,chi-bo-co-so,Bien Hoa,tsvm,10,,1,9,0,0",
      "D-1,Chi bộ B,chi-bo-co-so,Biên Hòa,tsvm,10,,1,9,0,0",
      "D-2,  ,chi-bo-co-so,Biên Hòa,tsvm,10,,1,9,0,0",
      "D-3,Chi bộ C,chi-bo-co-so,Biên Hòa,tsvm,mười,,1,9,0,0",
      "D-4,Chi bộ D,chi-bo-co-so,Biên Hòa,tsvm,10,,1,9",
    ];
    const report = await importResults({ bytes: utf8(rows.join("\n")), period: "2011", source: "cli" });
    expect(report.issues.map((issue) => [issue.line, issue.reason.replace("admin:import.errors.", "")])).toEqual([
      [3, "duplicateCode"],
      [4, "nameRequired"],
      [5, "notACount"],
      [6, "fieldCount"],
    ]);
    expect(await Organization.countDocuments({ code: /^D-/ })).toBe(0);
  });

  it("refuses rows for an organization merged into another, and unknown periods", async () => {
    const period = await ownPeriod();
    expect(await importResults({ bytes: goodFile("MRG"), period, source: "cli" })).toMatchObject({ created: 10 });
    await Organization.updateOne({ code: "MRG-009" }, { $set: { active: false, mergedInto: "MRG-007" } });
    const report = await importResults({ bytes: goodFile("MRG"), period, source: "cli" });
    expect(report.issues).toEqual([
      { line: 10, reason: "admin:import.errors.mergedOrganization", params: { value: "MRG-009", target: "MRG-007" } },
    ]);
    const unknown = await importResults({ bytes: goodFile("MRG"), period: "1999", source: "cli" });
    expect(unknown.issues[0]?.reason).toBe("admin:import.errors.unknownPeriod");
  });
});
