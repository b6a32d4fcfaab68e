import { beforeAll, describe, expect, it } from "vitest";
import { parseCsv } from "../../models/lib/csv";
import type { Summary } from "../../models/summary/summary.server";
import { SUMMARY_CSV_HEADER } from "../../models/summary/summary-csv";
import { loader as openapiLoader } from "../../app/routes/api.v1.openapi[.]json";
import { loader as jsonLoader } from "../../app/routes/api.v1.summary";
import { loader as csvLoader } from "../../app/routes/api.v1.summary[.]csv";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { setupTestDatabase } from "./database";
import { decide, submitFeedback } from "./summary-feedback";

setupTestDatabase();

type LoaderArgs = Parameters<typeof jsonLoader>[0];

async function get(loader: (args: LoaderArgs) => Promise<Response> | Response, path: string, lng = "vi"): Promise<Response> {
  const request = new Request(`http://localhost${path}`, { headers: { "Accept-Language": lng } });
  return loader({ request, params: {}, context: {} } as LoaderArgs);
}

/** A CSV cell back to the JSON value it stands for. */
function cell(header: string, value: string): string | number | null {
  if (header === "key" || header === "label") return value;
  return value === "" ? null : Number(value);
}

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const a = await createRatedOrganization({ code: "A-001", name: 'Chi bộ "Ấp 1", xã An Hòa', period: "2011", district: "Biên Hòa" });
  const b = await createRatedOrganization({
    code: "A-002",
    name: "Đảng bộ phường Tân Mai",
    period: "2011",
    district: "Long Khánh",
    rating: "hoan-thanh-tot",
  });
  for (let i = 0; i < 11; i++)
    await decide(await submitFeedback(a, i < 9 ? "agree" : "disagree", { proposedRating: "yeu-kem" }), "approved");
  await decide(await submitFeedback(b, "neutral"), "approved");
  await submitFeedback(b, "agree");
});

describe("GET /api/v1/summary and /api/v1/summary.csv", () => {
  it("answers the same rows as JSON and CSV for every grouping", async () => {
    for (const groupBy of ["organization", "district", "rating", "kind", "period"]) {
      const json = await get(jsonLoader, `/api/v1/summary?period=2011&groupBy=${groupBy}`);
      expect(json.status).toBe(200);
      const summary = (await json.json()) as Summary;
      expect(summary).toMatchObject({ period: "2011", groupBy });
      const csv = await get(csvLoader, `/api/v1/summary.csv?period=2011&groupBy=${groupBy}`);
      expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
      expect(csv.headers.get("Content-Disposition")).toBe(`attachment; filename="summary-2011-${groupBy}.csv"`);
      const bytes = new Uint8Array(await csv.arrayBuffer());
      expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      const text = new TextDecoder().decode(bytes);
      expect(text.slice(0, text.indexOf("\r\n"))).toBe(
        "key,label,organizations,agree,disagree,neutral,pending,total,agreementRate,ci95Low,ci95High",
      );
      const [header, ...records] = parseCsv(text).map((record) => record.fields);
      expect(header).toEqual([...SUMMARY_CSV_HEADER]);
      const fromCsv = records.map((fields) => Object.fromEntries(header!.map((name, i) => [name, cell(name, fields[i]!)])));
      const fromJson = summary.rows.map((row) => ({ ...row, ci95Low: row.ci95?.[0] ?? null, ci95High: row.ci95?.[1] ?? null }));
      expect(fromCsv).toEqual(fromJson.map((row) => Object.fromEntries(SUMMARY_CSV_HEADER.map((name) => [name, row[name]]))));
    }
  });

  it("shows the fixed row shape, with total = agree + disagree + neutral", async () => {
    const summary = (await (await get(jsonLoader, "/api/v1/summary?groupBy=organization")).json()) as Summary;
    // The JSON row's fields come in the CSV's column order (asserted literally above), its interval as one pair.
    expect(Object.keys(summary.rows[0]!).slice(0, 10)).toEqual([...SUMMARY_CSV_HEADER.slice(0, 9), "ci95"]);
    expect(summary.rows).toMatchObject([
      {
        key: "A-001",
        agree: 9,
        disagree: 2,
        neutral: 0,
        pending: 0,
        total: 11,
        agreementRate: 0.8182,
        ci95: [0.523, 0.9486],
        proposed: { "yeu-kem": 2 },
      },
      { key: "A-002", agree: 0, disagree: 0, neutral: 1, pending: 1, total: 1, agreementRate: null, ci95: null },
    ]);
  });

  it("answers 404 for an unknown period and 400 for an unknown grouping, as translated JSON errors", async () => {
    const missing = await get(jsonLoader, "/api/v1/summary?period=1999", "en");
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: { code: "period_not_found", message: "There is no published period with this code." } });
    const bad = await get(csvLoader, "/api/v1/summary.csv?groupBy=street");
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({
      error: { code: "invalid_query", fields: { groupBy: expect.stringContaining("organization") } },
    });
  });

  it("describes every open-data endpoint in openapi.json", async () => {
    const doc = (await (await get(openapiLoader, "/api/v1/openapi.json")).json()) as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        "/api/v1/periods",
        "/api/v1/organizations",
        "/api/v1/organizations/{code}",
        "/api/v1/summary",
        "/api/v1/summary.csv",
      ]),
    );
  });
});
