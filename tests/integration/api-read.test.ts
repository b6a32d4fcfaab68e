import { beforeAll, describe, expect, it } from "vitest";
import { action as unknownApiAction, loader as unknownApiLoader } from "../../app/routes/api.$";
import { loader as organizationLoader } from "../../app/routes/api.v1.organizations.$code";
import { loader as organizationsLoader } from "../../app/routes/api.v1.organizations";
import { loader as periodsLoader } from "../../app/routes/api.v1.periods";
import { CATALOG, createCatalog, orgCode } from "./catalog-fixture";
import { setupTestDatabase } from "./database";
import { callLoader } from "./route-call";

setupTestDatabase();
beforeAll(createCatalog);

async function get(url: string, headers: HeadersInit = {}) {
  const response = await callLoader(organizationsLoader, url, {}, headers);
  return {
    status: response.status,
    body: (await response.json()) as { total: number; nextCursor: string | null; items: { code: string }[]; error?: unknown },
  };
}

describe("GET /api/v1/periods", () => {
  it("lists published periods newest first with exactly the documented fields, cacheable", async () => {
    const response = await callLoader(periodsLoader, "/api/v1/periods");
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=30");
    const { items } = (await response.json()) as { items: Record<string, unknown>[] };
    expect(items.map((p) => p.code)).toEqual(["2012", "2011", "2010"]);
    expect(Object.keys(items[0]!).sort()).toEqual([
      "code",
      "commentsCloseAt",
      "commentsOpenAt",
      "memberScale",
      "ratingScale",
      "status",
      "title",
      "year",
    ]);
    expect(items[1]).toMatchObject({
      year: 2011,
      status: "open",
      ratingScale: expect.arrayContaining([{ key: "tsvm", label: { vi: "Trong sạch vững mạnh", en: "Clean and strong" } }]),
    });
  });
});

describe("GET /api/v1/organizations", () => {
  it("answers {items, total, nextCursor} with the documented item fields", async () => {
    const { status, body } = await get("/api/v1/organizations?period=2011&limit=2");
    expect(status).toBe(200);
    expect(body.total).toBe(CATALOG.total);
    expect(body.items[0]).toEqual({
      code: "ORG-001",
      name: "Chi bộ xã Hiệp Hòa số 1",
      kind: "chi-bo-co-so",
      district: "Long Khánh",
      members: 10,
      period: "2011",
      rating: "tsvm-tieu-bieu",
      counters: { agree: 7, disagree: 2, neutral: 1, pending: 3 },
    });
    expect(typeof body.nextCursor).toBe("string");
  });

  it("filters by rating and matches names with or without diacritics", async () => {
    for (const [rating, count] of Object.entries(CATALOG.ratings)) {
      expect((await get(`/api/v1/organizations?period=2011&rating=${rating}`)).body.total).toBe(count);
    }
    const plain = await get("/api/v1/organizations?q=bien+hoa");
    const marked = await get(`/api/v1/organizations?q=${encodeURIComponent("Biên Hòa")}`);
    expect(plain.body.total).toBe(CATALOG.perPlace);
    expect(marked.body).toEqual(plain.body);
  });

  it("pages through every organization exactly once and ends with a null cursor", async () => {
    const codes: string[] = [];
    let url = "/api/v1/organizations?limit=8";
    for (let pages = 0; pages < 10; pages++) {
      const { body } = await get(url);
      codes.push(...body.items.map((item) => item.code));
      if (body.nextCursor === null) break;
      url = `/api/v1/organizations?limit=8&cursor=${body.nextCursor}`;
    }
    expect(codes).toEqual(Array.from({ length: CATALOG.total }, (_, i) => orgCode(i + 1)));
  });

  it.each([
    ["limit=0", "limit"],
    ["limit=101", "limit"],
    ["limit=abc", "limit"],
    ["rating=xuat-sac", "rating"],
    ["period=1999", "period"],
    ["period=2013", "period"],
    ["district=Atlantis", "district"],
    ["cursor=not-a-cursor", "cursor"],
  ])("answers 400 invalid_query for %s, naming the field", async (query, field) => {
    const { status, body } = await get(`/api/v1/organizations?${query}`);
    expect(status).toBe(400);
    expect(body.error).toEqual({
      code: "invalid_query",
      message: "Tham số truy vấn không hợp lệ.",
      fields: { [field]: expect.any(String) },
    });
  });

  it("translates errors for English readers", async () => {
    const { body } = await get("/api/v1/organizations?rating=nope", { "Accept-Language": "en" });
    expect(body.error).toEqual({
      code: "invalid_query",
      message: "Invalid query parameters.",
      fields: { rating: "This rating is not on the period's scale." },
    });
  });
});

describe("GET /api/v1/organizations/:code", () => {
  it("gives the organization and its published evaluations with member counts", async () => {
    const response = await callLoader(organizationLoader, "/api/v1/organizations/ORG-001", { code: "ORG-001" });
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=30, stale-while-revalidate=30");
    const body = (await response.json()) as { evaluations: { id: string }[] };
    expect(body).toEqual({
      code: "ORG-001",
      name: "Chi bộ xã Hiệp Hòa số 1",
      kind: "chi-bo-co-so",
      district: "Long Khánh",
      members: 10,
      evaluations: [
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          period: "2011",
          rating: "tsvm-tieu-bieu",
          members: { "xuat-sac": 2, tot: 8 },
          counters: { agree: 7, disagree: 2, neutral: 1, pending: 3 },
          ratingHistory: [],
          reply: null,
        },
        {
          id: expect.stringMatching(/^[0-9a-f]{24}$/),
          period: "2010",
          rating: "hoan-thanh",
          members: { "hoan-thanh": 10 },
          counters: { agree: 0, disagree: 0, neutral: 0, pending: 0 },
          ratingHistory: [],
          reply: null,
        },
      ],
    });
  });

  it("answers 404 not_found for an unknown code", async () => {
    const response = await callLoader(organizationLoader, "/api/v1/organizations/NOPE", { code: "NOPE" });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ error: { code: "not_found", message: "Không có tổ chức cơ sở đảng mang mã NOPE." } });
  });
});

describe("unknown /api paths", () => {
  it("answer a JSON 404 for reads and writes", async () => {
    for (const handler of [unknownApiLoader, unknownApiAction]) {
      const response = await callLoader(handler, "/api/v2/nothing", { "*": "v2/nothing" });
      expect(response.status).toBe(404);
      expect(await response.json()).toMatchObject({ error: { code: "not_found" } });
    }
  });
});
