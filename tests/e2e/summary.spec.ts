import { spawnSync } from "node:child_process";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { ownClient } from "./support";

test.use(ownClient("summary"));

interface Row {
  key: string;
  label: string;
  organizations: number;
  agree: number;
  disagree: number;
  agreementRate: number | null;
  ci95: [number, number] | null;
}

const TEXT = {
  vi: {
    locale: "vi-VN",
    title: "Tổng hợp ý kiến nhân dân",
    byRating: "Tỷ lệ đồng tình theo xếp loại",
    byDistrict: "Tỷ lệ đồng tình theo huyện, thành phố",
    data: "Số liệu",
    notEnough: "Chưa đủ ý kiến",
  },
  en: {
    locale: "en-GB",
    title: "Residents' views",
    byRating: "Agreement rate by rating",
    byDistrict: "Agreement rate by district",
    data: "Data",
    notEnough: "Not enough views yet",
  },
} as const;

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa"]).analyze();
  const severe = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(severe.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

async function apiRows(page: Page, groupBy: string, lng: string): Promise<Row[]> {
  const response = await page.request.get(`/api/v1/summary?groupBy=${groupBy}&lng=${lng}`);
  expect(response.status()).toBe(200);
  return ((await response.json()) as { rows: Row[] }).rows;
}

/** What the page must say about a row's rate: the API's rate and interval in the page's number format. */
function rateText(row: Row, lng: keyof typeof TEXT): string {
  const percent = new Intl.NumberFormat(TEXT[lng].locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  if (row.agreementRate === null || row.ci95 === null || row.agree + row.disagree < 10) return TEXT[lng].notEnough;
  return `${percent.format(row.agreementRate)}`;
}

for (const lng of ["vi", "en"] as const) {
  test(`/summary shows the charts with their data tables in ${lng}`, async ({ page }) => {
    await page.goto(`/summary?lng=${lng}`);
    await expect(page.locator("html")).toHaveAttribute("lang", lng);
    await expect(page.getByRole("heading", { level: 1 })).toContainText(TEXT[lng].title);
    for (const [groupBy, name] of [
      ["rating", TEXT[lng].byRating],
      ["district", TEXT[lng].byDistrict],
    ] as const) {
      await expect(page.getByRole("img", { name: new RegExp(name) })).toBeVisible();
      const table = page.getByRole("table", { name: new RegExp(`${TEXT[lng].data}: ${name}`) });
      const rows = await apiRows(page, groupBy, lng);
      expect(rows.length).toBeGreaterThan(1);
      await expect(table.locator("tbody tr")).toHaveCount(rows.length);
      for (const row of rows) {
        const line = table.getByRole("row").filter({ has: page.getByRole("rowheader", { name: row.label, exact: true }) });
        await expect(line).toContainText(new Intl.NumberFormat(TEXT[lng].locale).format(row.organizations));
        await expect(line).toContainText(rateText(row, lng));
      }
    }
    await expectAccessible(page);
  });
}

test("the rating table agrees with the demo catalogue and the downloads are real files", async ({ page }) => {
  await page.goto("/summary?lng=vi");
  const weak = page
    .getByRole("table", { name: /Số liệu: Tỷ lệ đồng tình theo xếp loại/ })
    .getByRole("row")
    .filter({ has: page.getByRole("rowheader", { name: "Yếu kém", exact: true }) });
  await expect(weak.locator("td").first()).toHaveText("6");
  const href = await page.getByRole("link", { name: "CSV" }).first().getAttribute("href");
  const csv = await page.request.get(href!);
  expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="summary-2011-rating\.csv"$/);
  const bytes = await csv.body();
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  expect(bytes.toString("utf8")).toContain("Trong sạch vững mạnh tiêu biểu");
});

test.describe("without JavaScript, on a phone", () => {
  test.use({ javaScriptEnabled: false, viewport: { width: 360, height: 740 } });

  test("the charts, tables and period switch work and the page does not scroll sideways", async ({ page }) => {
    await page.goto("/summary?lng=vi");
    await expect(page.getByRole("img", { name: /Tỷ lệ đồng tình theo xếp loại/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Số liệu: Tỷ lệ đồng tình theo huyện/ })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "Xem" }).first().click();
    await expect(page).toHaveURL(/\/summary\?period=/);
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Tổng hợp ý kiến nhân dân");
  });
});

test("the committee dashboard is behind login and filters by district", async ({ page }) => {
  // The user script reuses the embedded database of the server Playwright started (playwright.config.ts).
  const dataDir = `.cache/e2e-data-${process.env.E2E_PORT ?? 3300}`;
  const user = { email: "banthuongvu@congkhai.vn", password: "mật khẩu ban thường vụ 1" };
  const created = spawnSync("npx", ["tsx", "scripts/user.ts", "create", "--email", user.email, "--role", "committee"], {
    input: `${user.password}\n`,
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: "error", SEED_ON_START: "false" },
  });
  expect(created.status, created.stderr).toBe(0);

  await page.goto("/committee?lng=vi");
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Mật khẩu").fill(user.password);
  await page.getByRole("button", { name: "Đăng nhập" }).click();
  // Password hashing is deliberately slow, and the machine is shared: allow the login its time.
  await page.waitForURL(/\/committee/, { timeout: 30_000 });
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Bảng theo dõi của Ban Thường vụ");
  await expect(page.getByRole("table", { name: /Xếp loại đã công bố \(hàng\)/ })).toBeVisible();
  await expect(page.getByRole("img", { name: /Tỷ lệ đồng tình theo huyện/ })).toBeVisible();
  await expectAccessible(page);

  await page.getByLabel("Huyện, thành phố", { exact: true }).selectOption("Tân Phú");
  await page.getByRole("button", { name: "Xem" }).click();
  await page.waitForURL(/district=T%C3%A2n(\+|%20)Ph%C3%BA/, { timeout: 30_000 });
  const districts = page.getByRole("table", { name: /Số liệu: Tỷ lệ đồng tình theo huyện/ }).locator("tbody th");
  await expect(districts).toHaveText(["Tân Phú"]);
});
