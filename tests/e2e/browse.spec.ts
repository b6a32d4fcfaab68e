import { expect, test } from "@playwright/test";
import { expectAccessible, ownClient } from "./support";

test.use(ownClient("browse"));

// Runs against the seeded demo data: Đồng Nai's 2011 ratings of 920 grassroots party organizations.
const DEMO = { total: 920, ratings: { "tsvm-tieu-bieu": 192, tsvm: 536, "yeu-kem": 6 } };

/** The same text without Vietnamese diacritics, as a resident without a Vietnamese keyboard types it. */
function withoutDiacritics(text: string): string {
  return text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D");
}

test("the home page shows the period at a glance in Vietnamese and in English", async ({ page }) => {
  await page.goto("/?lng=vi");
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 2, name: "Số liệu chính" })).toBeVisible();
  await expect(page.locator('[data-figure="organizations"] .value')).toHaveText("920");
  await expect(page.locator('[data-figure="top-ratings"] .value')).toHaveText("79,13%");
  await expect(page.getByRole("img", { name: /Biểu đồ cột/ })).toBeVisible();
  await expect(
    page.getByRole("table", { name: /theo xếp loại/ }).getByRole("row", { name: /Trong sạch vững mạnh tiêu biểu/ }),
  ).toContainText("192");
  await expectAccessible(page);

  await page.goto("/?lng=en");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("heading", { level: 2, name: "Key figures" })).toBeVisible();
  await expect(page.locator('[data-figure="top-ratings"] .value')).toHaveText("79.13%");
  await expectAccessible(page);

  // The choice is remembered in a cookie, and the header link switches back.
  await page.goto("/organizations");
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await page.getByRole("link", { name: "Tiếng Việt" }).click();
  await expect(page.locator("html")).toHaveAttribute("lang", "vi");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Tổ chức cơ sở đảng");
});

test("the rating links on the home page open the filtered list", async ({ page }) => {
  await page.goto("/?lng=vi");
  await page
    .getByRole("table", { name: /theo xếp loại/ })
    .getByRole("link", { name: "Yếu kém" })
    .click();
  await expect(page.getByTestId("total")).toHaveText(`Tìm thấy ${DEMO.ratings["yeu-kem"]} tổ chức cơ sở đảng`);
  await expect(page.getByLabel("Xếp loại")).toHaveValue("yeu-kem");
  await expectAccessible(page);
});

// axe needs JavaScript in the page, so these pages are checked by the tests above.
test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false });

  test("filters by rating and district and pages on", async ({ page, request }) => {
    await page.goto("/organizations?lng=vi");
    await expect(page.getByTestId("total")).toHaveText("Tìm thấy 920 tổ chức cơ sở đảng");
    await page.getByLabel("Xếp loại").selectOption("tsvm-tieu-bieu");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByTestId("total")).toHaveText("Tìm thấy 192 tổ chức cơ sở đảng");
    await expect(page).toHaveURL(/rating=tsvm-tieu-bieu/);
    const firstPage = await page.locator(".org-list h3").allTextContents();
    await page.getByRole("link", { name: "Trang sau" }).click();
    await expect(page.getByRole("link", { name: "Về trang đầu" })).toBeVisible();
    await expect(page).toHaveURL(/rating=tsvm-tieu-bieu.*cursor=/);
    const secondPage = await page.locator(".org-list h3").allTextContents();
    expect(secondPage.length).toBeGreaterThan(0);
    expect(secondPage.filter((name) => firstPage.includes(name))).toEqual([]);
    await expect(page.getByLabel("Xếp loại")).toHaveValue("tsvm-tieu-bieu");

    const api = await request.get(`/api/v1/organizations?period=2011&rating=tsvm-tieu-bieu&district=${encodeURIComponent("Biên Hòa")}`);
    const { total } = (await api.json()) as { total: number };
    expect(total).toBeGreaterThan(0);
    await page.getByLabel("Huyện, thành phố").selectOption("Biên Hòa");
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByTestId("total")).toHaveText(`Tìm thấy ${total} tổ chức cơ sở đảng`);
    await expect(page).not.toHaveURL(/cursor=/);
    const districts = await page.locator(".org-list .meta").allTextContents();
    expect(districts.length).toBeGreaterThan(0);
    expect(districts.filter((line) => !line.includes("Biên Hòa"))).toEqual([]);
  });

  test("search finds the same organizations with and without diacritics", async ({ page, request }) => {
    const first = (await (await request.get("/api/v1/organizations?limit=1")).json()) as { items: { name: string }[] };
    const name = first.items[0]!.name;
    await page.goto("/organizations?lng=vi");
    await page.getByLabel("Tìm theo tên").fill(name);
    await page.getByRole("button", { name: "Lọc" }).click();
    const withMarks = await page.getByTestId("total").textContent();
    await expect(page.getByRole("link", { name })).toBeVisible();
    await page.getByLabel("Tìm theo tên").fill(withoutDiacritics(name).toLowerCase());
    await page.getByRole("button", { name: "Lọc" }).click();
    await expect(page.getByTestId("total")).toHaveText(withMarks ?? "");
    await expect(page.getByRole("link", { name })).toBeVisible();
  });
});

test("an organization page shows its rating, member quality and counters", async ({ page }) => {
  await page.goto("/organizations?lng=vi&rating=tsvm");
  const link = page.locator(".org-list h3 a").first();
  const name = (await link.textContent()) ?? "";
  await link.click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
  await expect(page).toHaveTitle(`${name} — Công Khai`);
  await expect(page.locator(".evaluation .badge.rating").first()).toHaveText("Trong sạch vững mạnh");
  await expect(page.getByRole("table", { name: /Chất lượng đảng viên/ }).first()).toBeVisible();
  await expect(page.getByRole("table", { name: /Số ý kiến nhân dân/ }).first()).toContainText("Đồng tình");
  await expectAccessible(page);
});

test("unknown organizations and pages are real 404 pages; unknown API paths answer JSON", async ({ page, request }) => {
  const response = await page.goto("/organizations/KHONG-CO-MA-NAY?lng=vi");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Không tìm thấy trang");
  await expect(page).toHaveTitle("Không tìm thấy trang — Công Khai");
  await expectAccessible(page);

  const english = await page.goto("/no-such-page?lng=en");
  expect(english?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Page not found");
  await expectAccessible(page);

  const api = await request.get("/api/v1/organizations/KHONG-CO-MA-NAY");
  expect(api.status()).toBe(404);
  expect(await api.json()).toMatchObject({ error: { code: "not_found" } });
  expect((await request.get("/api/v1/nothing-here")).status()).toBe(404);
});

test("the open-data API reproduces the 2011 figures", async ({ request }) => {
  const all = await request.get("/api/v1/organizations?period=2011");
  expect(all.status()).toBe(200);
  expect(((await all.json()) as { total: number }).total).toBe(DEMO.total);
  for (const [rating, total] of Object.entries(DEMO.ratings)) {
    const response = await request.get(`/api/v1/organizations?period=2011&rating=${rating}`);
    expect(((await response.json()) as { total: number }).total).toBe(total);
  }
  const bad = await request.get("/api/v1/organizations?period=2011&rating=khong-co");
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: { code: "invalid_query", fields: { rating: expect.any(String) } } });
});
