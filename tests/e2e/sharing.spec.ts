import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { expectAccessible, ownClient } from "./support";

test.use(ownClient("sharing"));

// Issue 11: what a shared link, a search engine, a printer and a dark screen get.
const ORGANIZATION = "/organizations/VC-001";

/** Every organization code the open-data API lists, over every period (another spec may have imported some). */
async function organizationCodes(request: APIRequestContext): Promise<Set<string>> {
  const codes = new Set<string>();
  const { items: periods } = (await (await request.get("/api/v1/periods")).json()) as { items: { code: string }[] };
  for (const { code: period } of periods) {
    let cursor = "";
    do {
      const page = (await (
        await request.get(`/api/v1/organizations?period=${period}&limit=100${cursor ? `&cursor=${cursor}` : ""}`)
      ).json()) as {
        items: { code: string }[];
        nextCursor: string | null;
      };
      for (const item of page.items) codes.add(item.code);
      cursor = page.nextCursor ?? "";
    } while (cursor);
  }
  return codes;
}

async function metaContent(page: Page, attribute: "name" | "property", key: string) {
  // Strict: two tags with the same name would fail here.
  return page.locator(`meta[${attribute}="${key}"]`).getAttribute("content");
}

for (const { lng, locale, alternate, rated } of [
  { lng: "vi", locale: "vi_VN", alternate: "en_GB", rated: "được xếp loại" },
  { lng: "en", locale: "en_GB", alternate: "vi_VN", rated: "was rated" },
] as const) {
  test(`an organization page describes itself for sharing and search in ${lng}`, async ({ page, request }) => {
    await page.goto(`${ORGANIZATION}?lng=${lng}`);
    const name = (await page.getByRole("heading", { level: 1 }).textContent())!.trim();
    const description = await metaContent(page, "name", "description");
    expect(description).toContain(name);
    expect(description).toContain(rated);
    expect(await metaContent(page, "property", "og:description")).toBe(description);
    expect(await metaContent(page, "property", "og:title")).toBe(await page.title());
    expect(await metaContent(page, "property", "og:type")).toBe("website");
    expect(await metaContent(page, "property", "og:locale")).toBe(locale);
    expect(await metaContent(page, "property", "og:locale:alternate")).toBe(alternate);

    const url = await metaContent(page, "property", "og:url");
    expect(url).toMatch(new RegExp(`^http://localhost:\\d+${ORGANIZATION}\\?lng=${lng}$`));
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", url!);
    for (const [hreflang, suffix] of [
      ["vi", "?lng=vi"],
      ["en", "?lng=en"],
      ["x-default", ""],
    ] as const) {
      await expect(page.locator(`link[rel="alternate"][hreflang="${hreflang}"]`)).toHaveAttribute(
        "href",
        url!.replace(/\?lng=\w+$/, suffix),
      );
    }

    const image = await request.get((await metaContent(page, "property", "og:image"))!);
    expect(image.status()).toBe(200);
    expect(image.headers()["content-type"]).toBe("image/png");
    expect((await image.body()).length).toBeLessThanOrEqual(60_000);
  });
}

test("home, the list and the summary carry their own description and canonical URL", async ({ page }) => {
  const descriptions = new Set<string | null>();
  for (const path of ["/", "/organizations", "/summary"]) {
    await page.goto(`${path}?lng=en`);
    const description = await metaContent(page, "name", "description");
    expect(description?.length, path).toBeGreaterThan(40);
    descriptions.add(description);
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`^http://localhost:\\d+${path}\\?lng=en$`));
  }
  expect(descriptions.size).toBe(3);
});

test("sitemap.xml lists every organization page (the demo's 920 and any imported) with language alternates, cached like a public page", async ({
  request,
}) => {
  const response = await request.get("/sitemap.xml");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/xml");
  const xml = await response.text();
  const organizationLocs = xml.match(/<loc>[^<]*\/organizations\/[^<]+<\/loc>/g) ?? [];
  const codes = await organizationCodes(request);
  expect(codes.size).toBeGreaterThanOrEqual(920);
  expect(organizationLocs).toHaveLength(codes.size);
  expect(new Set(organizationLocs.map((loc) => decodeURIComponent(loc.replace(/^<loc>.*\/organizations\/|<\/loc>$/g, ""))))).toEqual(codes);
  expect(xml).toMatch(/<loc>http:\/\/localhost:\d+\/<\/loc>/);
  expect(xml).toContain(`hreflang="en" href="`);
  expect(xml).toMatch(new RegExp(`<xhtml:link rel="alternate" hreflang="vi" href="[^"]*${ORGANIZATION}\\?lng=vi"/>`));

  const etag = response.headers()["etag"];
  expect(etag).toBeTruthy();
  expect(response.headers()["cache-control"]).toContain("public");
  const again = await request.get("/sitemap.xml", { headers: { "If-None-Match": etag! } });
  expect(again.status()).toBe(304);
});

test("robots.txt allows public pages, keeps staff pages out and names the sitemap", async ({ request }) => {
  const response = await request.get("/robots.txt");
  expect(response.status()).toBe(200);
  const text = await response.text();
  expect(text).toContain("User-agent: *\nAllow: /\n");
  for (const path of ["/admin", "/moderation", "/committee", "/login", "/invite", "/api/v1/moderation"])
    expect(text).toContain(`\nDisallow: ${path}\n`);
  expect(text).not.toMatch(/Disallow: \/organizations|Disallow: \/summary|Disallow: \/\n/);
  expect(text).toMatch(/Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);
});

test("tracking and sign-in pages ask not to be indexed and carry no sharing tags", async ({ page }) => {
  for (const path of ["/feedback/ABCD-EFGH-JK", "/login"]) {
    await page.goto(path);
    expect(await metaContent(page, "name", "robots"), path).toBe("noindex");
    await expect(page.locator('meta[property="og:url"]')).toHaveCount(0);
  }
});

test("the dark scheme follows the system setting and passes axe", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  for (const path of ["/", `${ORGANIZATION}?lng=en`, "/summary"]) {
    await page.goto(path);
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    const [r, g, b] = background.match(/\d+/g)!.map(Number);
    expect(r! + g! + b!, `${path} background ${background}`).toBeLessThan(120);
    await expectAccessible(page);
  }
});

// The screenshot in docs/ is refreshed on request (UPDATE_DOCS=1), so a test run leaves the working tree clean.
test("an organization page prints without navigation or forms (screenshot in docs/)", async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 800, height: 1100 });
  await page.goto(`${ORGANIZATION}?lng=vi`);
  await expect(page.locator(".feedback-form").first()).toBeVisible();
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Điều hướng chính" })).toBeHidden();
  await expect(page.locator(".feedback-form").first()).toBeHidden();
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.locator("table.counters").first()).toBeVisible();
  const path = process.env.UPDATE_DOCS === "1" ? "docs/print-organization.png" : testInfo.outputPath("print-organization.png");
  await page.screenshot({ path });
});

test("a summary prints its folded per-day table open and its download links with their addresses", async ({ page }) => {
  await page.goto("/summary?lng=en");
  const table = page.getByRole("table", { name: "Feedback received per day (every status)" });
  await expect(table).toBeHidden();
  await page.emulateMedia({ media: "print" });
  await expect(table).toBeVisible();
  await expect(page.getByRole("button")).toHaveCount(0);
  const link = page.locator(".summary-downloads a").first();
  const after = await link.evaluate((element) => getComputedStyle(element, "::after").content);
  expect(after).toContain(await link.getAttribute("href"));
});

test("the participation chart names days in the reader's language and shows quiet days as zero", async ({ page }) => {
  await page.goto("/summary?lng=en");
  const table = page.getByRole("table", { name: "Feedback received per day (every status)" });
  await page.getByText("Show the numbers per day").click();
  const days = await table.locator("tbody th").allTextContents();
  expect(days.length).toBeGreaterThan(0);
  for (const day of days) expect(day).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  const months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sept", "Oct", "Nov", "Dec"];
  const utc = (label: string) => {
    const [day, month, year] = label.split(" ");
    return Date.UTC(Number(year), months.indexOf(month!), Number(day));
  };
  const span = (utc(days.at(-1)!) - utc(days[0]!)) / 86_400_000 + 1;
  expect(days).toHaveLength(span);
});
