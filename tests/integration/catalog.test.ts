import { beforeAll, describe, expect, it } from "vitest";
import { loader as homeLoader } from "../../app/routes/_index";
import { loader as detailLoader } from "../../app/routes/organizations.$code";
import { loader as listLoader } from "../../app/routes/organizations._index";
import { getOrganizationDetail, listOrganizations } from "../../models/catalog/catalog.server";
import { periodOverview } from "../../models/catalog/catalog-overview.server";
import { InvalidCursor } from "../../models/db/cursor";
import { getPeriod } from "../../models/catalog/period.server";
import { CATALOG, createCatalog, orgCode } from "./catalog-fixture";
import { setupTestDatabase } from "./database";
import { callLoader, thrownBy } from "./route-call";

setupTestDatabase();
beforeAll(createCatalog);

describe("listOrganizations", () => {
  it("lists the period open for comments when none is named, never a draft", async () => {
    const page = await listOrganizations({ limit: 100 });
    expect(page.total).toBe(CATALOG.total);
    expect(new Set(page.items.map((item) => item.period))).toEqual(new Set(["2011"]));
    expect(page.nextCursor).toBeNull();
  });

  it("filters by rating and district, and counts the same filter", async () => {
    for (const [rating, count] of Object.entries(CATALOG.ratings)) {
      const page = await listOrganizations({ period: "2011", rating, limit: 100 });
      expect(page.total).toBe(count);
      expect(page.items.map((item) => item.rating)).toEqual(Array.from({ length: count }, () => rating));
    }
    const both = await listOrganizations({ period: "2011", district: "Long Khánh", rating: "tsvm" });
    expect(both.items.map((item) => item.code)).toEqual(["ORG-013", "ORG-016", "ORG-019", "ORG-022", "ORG-025"]);
    expect(both.total).toBe(5);
  });

  it("finds names with or without diacritics, and treats regex characters literally", async () => {
    const plain = await listOrganizations({ period: "2011", q: "bien hoa" });
    const marked = await listOrganizations({ period: "2011", q: "  Biên   HÒA " });
    expect(plain.total).toBe(CATALOG.perPlace);
    expect(marked.items).toEqual(plain.items);
    expect((await listOrganizations({ period: "2011", q: "dong nai" })).total).toBe(CATALOG.perPlace);
    expect((await listOrganizations({ period: "2011", q: "Đồng (Nai" })).total).toBe(0);
    expect((await listOrganizations({ period: "2011", q: ".*" })).total).toBe(0);
  });

  it("walks every organization exactly once with the keyset cursor", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 0; pages < 10; pages++) {
      const page = await listOrganizations({ period: "2011", cursor, limit: 7 });
      expect(page.total).toBe(CATALOG.total);
      seen.push(...page.items.map((item) => item.code));
      if (!page.nextCursor) break;
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(Array.from({ length: CATALOG.total }, (_, i) => orgCode(i + 1)));
  });

  it("refuses a tampered cursor", async () => {
    await expect(listOrganizations({ period: "2011", cursor: "bm90LWEtY3Vyc29y" })).rejects.toBeInstanceOf(InvalidCursor);
  });
});

describe("getOrganizationDetail", () => {
  it("gives every published evaluation, newest first, with member counts and counters", async () => {
    const detail = await getOrganizationDetail({ code: orgCode(1) });
    expect(detail).toMatchObject({ code: "ORG-001", district: "Long Khánh", members: 10, mergedInto: null });
    expect(detail?.evaluations.map((e) => [e.period, e.rating])).toEqual([
      ["2011", "tsvm-tieu-bieu"],
      ["2010", "hoan-thanh"],
    ]);
    expect(detail?.evaluations[0]).toMatchObject({
      members: { "xuat-sac": 2, tot: 8 },
      counters: { agree: 7, disagree: 2, neutral: 1, pending: 3 },
    });
    expect(detail?.periods.map((p) => p.code)).toEqual(["2011", "2010"]);
  });

  it("is null for an unknown code", async () => {
    expect(await getOrganizationDetail({ code: "NOPE" })).toBeNull();
  });
});

describe("periodOverview", () => {
  it("counts organizations per rating in scale order, members and member categories", async () => {
    const period = await getPeriod({ code: "2011" });
    const overview = await periodOverview({ period: period! });
    expect(overview.organizations).toBe(CATALOG.total);
    expect(overview.members).toBe(10 * ((CATALOG.total * (CATALOG.total + 1)) / 2));
    expect(overview.ratings.map((r) => [r.key, r.count])).toEqual([
      ["tsvm-tieu-bieu", 10],
      ["tsvm", 15],
      ["hoan-thanh-tot", 0],
      ["hoan-thanh", 0],
      ["yeu-kem", 5],
    ]);
    expect(overview.memberCategories.reduce((sum, c) => sum + c.count, 0)).toBe(overview.members);
  });
});

describe("page loaders", () => {
  it("/organizations keeps the filters in the next-page link", async () => {
    const result = await callLoader(listLoader, "/organizations?rating=tsvm&district=Bi%C3%AAn+H%C3%B2a&limit=2");
    expect(result.page.total).toBe(5);
    expect(result.nextHref).toMatch(/^\/organizations\?period=2011&district=Bi%C3%AAn\+H%C3%B2a&rating=tsvm&cursor=/);
    expect(result.firstHref).toBeNull();
  });

  it("/organizations with a rating off the period's scale is a 400 page", async () => {
    expect((await thrownBy(callLoader(listLoader, "/organizations?rating=xuat-sac"))).status).toBe(400);
  });

  it("/organizations/:code is titled with the name, and an unknown code is a 404 page", async () => {
    const result = await callLoader(detailLoader, "/organizations/ORG-002", { code: "ORG-002" });
    expect(result.title).toContain(result.organization.name);
    const missing = await thrownBy(callLoader(detailLoader, "/organizations/NOPE?lng=en", { code: "NOPE" }));
    expect(missing).toEqual({ status: 404, data: { title: "Page not found — Công Khai" } });
  });

  it("/ shows the period open for comments in the visitor's language", async () => {
    const vi = await callLoader(homeLoader, "/");
    const en = await callLoader(homeLoader, "/", {}, { "Accept-Language": "en-US,en;q=0.8" });
    expect(vi.title).toBe("Công Khai — Đánh giá chất lượng năm 2011");
    expect(en.title).toBe("Công Khai — 2011 quality ratings");
    expect(vi.overview?.organizations).toBe(CATALOG.total);
    expect((await thrownBy(callLoader(homeLoader, "/?period=2013"))).status).toBe(404);
  });
});
