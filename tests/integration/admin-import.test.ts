import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loader as exportCsv } from "../../app/routes/admin.export.$period";
import { action as importAction } from "../../app/routes/admin.import";
import { loader as templateCsv } from "../../app/routes/admin.import-template[.]csv";
import { loader as publicList } from "../../app/routes/api.v1.organizations";
import { AuditEvent } from "../../models/moderation/audit-event.server";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { importResults } from "../../models/import/import.server";
import { importColumns } from "../../models/import/import-rows.server";
import { MEMBER_SCALE_2011 } from "../../models/lib/scales";
import { createPeriod } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { callRoute } from "./admin-call";
import { callLoader } from "./route-call";
import { setupTestDatabase } from "./database";

setupTestDatabase();

const fixture = (name: string) => readFileSync(new URL(`../fixtures/${name}`, import.meta.url));
let admin: { cookie: string };

beforeAll(async () => {
  admin = await createStaff("admin");
  await createPeriod({ code: "2011" });
});

function upload(bytes: Buffer, period = "2011") {
  const form = new FormData();
  form.set("period", period);
  form.set("intent", "preview");
  form.set("file", new File([new Uint8Array(bytes)], "ket-qua.csv", { type: "text/csv" }));
  return callRoute(importAction, "/admin/import", { cookie: admin.cookie, form });
}

type Result = {
  error: string | null;
  csv: string;
  report: { applied: boolean; created: number; changed: number; unchanged: number; issues: { line: number; reason: string }[] };
};

describe("/admin/import", () => {
  it("previews an uploaded file without writing, then applies the confirmed text", async () => {
    const preview = await upload(fixture("import-2011-good.csv"));
    const result = preview.data as Result;
    expect(result.report).toMatchObject({ applied: false, created: 10, issues: [] });
    expect(await Evaluation.countDocuments({ period: "2011" })).toBe(0);

    // The confirmation re-posts the checked text from a textarea, whose line ends browsers send as CRLF.
    const csv = result.csv.replace(/\r?\n/g, "\r\n");
    const applied = await callRoute(importAction, "/admin/import", {
      cookie: admin.cookie,
      form: { intent: "apply", period: "2011", csv },
    });
    expect((applied.data as Result).report).toMatchObject({ applied: true, created: 10 });
    expect(await Evaluation.countDocuments({ period: "2011" })).toBe(10);
    expect(await AuditEvent.countDocuments({ action: "import.apply", targetId: "2011", note: "web" })).toBe(1);

    // The public list shows the imported ratings at once.
    const response = (await callLoader(publicList, "/api/v1/organizations?period=2011&district=Biên Hòa")) as Response;
    const body = (await response.json()) as { items: { code: string }[] };
    expect(body.items.map((item) => item.code)).toEqual(["IMP-001"]);
  });

  it("lists every bad line with a translated reason and writes nothing", async () => {
    const result = await upload(fixture("import-2011-bad-lines-4-7-11.csv"));
    expect(result.status).toBe(400);
    expect((result.data as Result).report.issues.map((issue) => issue.line)).toEqual([4, 7, 11]);
    expect((result.data as Result).csv).toBe("");
    expect(await Evaluation.countDocuments({ orgCode: /^BAD-/ })).toBe(0);
  });

  it("asks for a file and a period, and refuses non-admins", async () => {
    const form = new FormData();
    form.set("period", "2011");
    const missing = await callRoute(importAction, "/admin/import?lng=en", { cookie: admin.cookie, form });
    expect(missing).toMatchObject({ status: 400, data: { error: "Choose a CSV file." } });
    const committee = await createStaff("committee");
    expect((await callRoute(importAction, "/admin/import", { cookie: committee.cookie, form })).status).toBe(403);
  });

  it("serves the template and the export in the import format", async () => {
    await createPeriod({ code: "2013" });
    expect(await importResults({ bytes: fixture("import-2011-good.csv"), period: "2013", source: "cli" })).toMatchObject({
      applied: true,
      created: 10,
    });
    const download = () => callRoute(exportCsv, "/admin/export/2013", { cookie: admin.cookie, params: { period: "2013" } });
    const template = await callRoute(templateCsv, "/admin/import-template.csv?period=2013", { cookie: admin.cookie });
    const exported = await download();
    const header = importColumns(MEMBER_SCALE_2011).join(",");
    for (const download of [template, exported]) {
      expect(download.status).toBe(200);
      expect(download.response?.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      const bytes = new Uint8Array(await download.response!.arrayBuffer());
      // A UTF-8 byte-order mark (EF BB BF) first, so spreadsheets show Vietnamese correctly, then the import header.
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(new TextDecoder().decode(bytes.subarray(3)).split(/\r?\n/)[0]).toBe(header);
    }
    // The export holds the period's evaluations, so importing it again changes nothing.
    const again = new Uint8Array(await (await download()).response!.arrayBuffer());
    const reimported = await importResults({ bytes: again, period: "2013", source: "cli" });
    expect(reimported).toMatchObject({ issues: [], created: 0, changed: 0, unchanged: 10 });
    expect((await callRoute(exportCsv, "/admin/export/1999", { cookie: admin.cookie, params: { period: "1999" } })).status).toBe(404);
  });
});
