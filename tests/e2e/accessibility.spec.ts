import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("accessibility"));

// Every page a person can reach, in both languages, passes axe (WCAG 2 A/AA) with no serious or critical violation.
const PUBLIC_PAGES = [
  "/",
  "/organizations?district=T%C3%A2n+Ph%C3%BA",
  "/organizations/VC-001",
  "/organizations/XL-018",
  "/summary",
  "/login",
  "/feedback/ABCD-EFGH-JK",
  "/khong-co-trang-nay",
];
const STAFF_PAGES = [
  "/moderation",
  "/moderation/audit",
  "/moderation/replies",
  "/moderation/stats",
  "/committee",
  "/committee/reviews",
  "/admin",
  "/admin/periods",
  "/admin/periods/new",
  "/admin/periods/2011",
  "/admin/organizations",
  "/admin/organizations/new",
  "/admin/organizations/VC-001",
  "/admin/import",
  "/admin/users",
  "/admin/words",
];
const ADMIN = { email: "kiemtra-tiepcan@congkhai.vn", password: "mật khẩu kiểm tra tiếp cận 1" };

for (const lng of ["vi", "en"]) {
  test(`public pages pass axe in ${lng}`, async ({ page }) => {
    for (const path of PUBLIC_PAGES) {
      await page.goto(`${path}${path.includes("?") ? "&" : "?"}lng=${lng}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lng);
      await expectAccessible(page);
    }
  });
}

test("staff pages pass axe", async ({ page }) => {
  createUser(ADMIN, "admin");
  await page.goto("/login");
  await login(page, ADMIN);
  for (const path of STAFF_PAGES) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
    await expectAccessible(page);
  }
  // A re-review case of the demo (its id names an evaluation, so it is reached by its link).
  await page.goto("/committee/reviews");
  await page.locator(".case-list a").first().click();
  await expect(page.getByRole("button", { name: /Nhận hồ sơ|Take this case/ })).toBeVisible();
  await expectAccessible(page);
});
