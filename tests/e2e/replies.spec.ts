import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("replies"));

const ACCOUNT = { email: "chibo-cm007@congkhai.vn", password: "mật khẩu tổ chức 1" };
// Seeded organizations no other spec writes to and the demo gives no reply.
const OWN = "CM-007";
const OTHER = "CM-008";
const REPLY = "Chi bộ xin tiếp thu ý kiến của bà con và sẽ báo cáo kết quả khắc phục vào tháng tới.";

async function evaluation2011(request: APIRequestContext, code: string) {
  const detail = (await (await request.get(`/api/v1/organizations/${code}`)).json()) as {
    evaluations: { id: string; period: string; reply: { body: string } | null }[];
  };
  return detail.evaluations.find((evaluation) => evaluation.period === "2011")!;
}

test("an organization account replies through the form; residents see it; it cannot reply for another organization", async ({
  page,
  browser,
}) => {
  createUser(ACCOUNT, "organization", OWN);
  const own = await evaluation2011(page.request, OWN);

  // Logging in lands on its own organization's page (it has no staff pages).
  await page.goto("/login");
  await login(page, ACCOUNT);
  await expect(page).toHaveURL(`/organizations/${OWN}`);

  await page.locator(`#reply-body-${own.id}`).fill(REPLY);
  await page.locator(`#reply-${own.id}`).getByRole("button", { name: "Đăng phản hồi" }).click();
  await expect(page).toHaveURL(new RegExp(`/organizations/${OWN}\\?reply=saved`));
  await expect(page.getByRole("status").filter({ hasText: "Đã lưu phản hồi" })).toBeVisible();
  await expectAccessible(page);

  // A resident, not signed in, sees the reply labelled as the organization's, in both languages.
  const resident = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: ownClient("replies").extraHTTPHeaders });
  const residentPage = await resident.newPage();
  await residentPage.goto(`/organizations/${OWN}`);
  const reply = residentPage.getByRole("complementary", { name: "Phản hồi chính thức của tổ chức" });
  await expect(reply).toContainText(REPLY);
  await expect(residentPage.getByRole("button", { name: "Đăng phản hồi" })).toHaveCount(0);
  await residentPage.goto(`/organizations/${OWN}?lng=en`);
  await expect(residentPage.getByRole("complementary", { name: "Official reply of the organization" })).toContainText(REPLY);
  await expectAccessible(residentPage);
  await resident.close();

  // With its own session cookie, the API refuses another organization's evaluation and the staff pages stay shut.
  const other = await evaluation2011(page.request, OTHER);
  const refused = await page.request.put(`/api/v1/evaluations/${other.id}/reply`, { data: { body: "Trả lời thay tổ chức khác." } });
  expect(refused.status()).toBe(403);
  expect(await refused.json()).toMatchObject({ error: { code: "forbidden" } });
  expect((await evaluation2011(page.request, OTHER)).reply).toBeNull();
  expect((await page.request.get("/moderation")).status()).toBe(403);
});

test("a moderator hides a reply with a reason; residents see it counted, then restored", async ({ page, browser }) => {
  const moderator = { email: "kiemduyet-phanhoi@congkhai.vn", password: "mật khẩu kiểm duyệt 2" };
  createUser(moderator, "moderator");
  // BH-001's reply is in the demo data; no other spec touches it.
  const seeded = "BH-001";
  await page.goto("/moderation/replies");
  await login(page, moderator);
  await expect(page.getByRole("heading", { level: 1, name: "Phản hồi chính thức" })).toBeVisible();
  await expectAccessible(page);

  const row = page.getByRole("row").filter({ hasText: `(${seeded},` });
  await row.getByLabel("Lý do từ chối").selectOption("spam");
  await row.getByRole("button", { name: /^Ẩn phản hồi của/ }).click();
  await expect(page.getByRole("status")).toHaveText("Đã ẩn phản hồi.");

  const resident = await browser.newContext({ locale: "vi-VN", extraHTTPHeaders: ownClient("replies").extraHTTPHeaders });
  const residentPage = await resident.newPage();
  await residentPage.goto(`/organizations/${seeded}`);
  await expect(residentPage.getByRole("complementary", { name: "Phản hồi chính thức của tổ chức" })).toHaveCount(0);
  await expect(residentPage.getByText("1 phản hồi chính thức của tổ chức đã bị ban kiểm duyệt ẩn: 1 spam.")).toBeVisible();

  await page
    .getByRole("row")
    .filter({ hasText: `(${seeded},` })
    .getByRole("button", { name: /^Khôi phục phản hồi của/ })
    .click();
  await expect(page.getByRole("status")).toHaveText("Phản hồi đã hiển thị trở lại.");
  await residentPage.reload();
  await expect(residentPage.getByRole("complementary", { name: "Phản hồi chính thức của tổ chức" })).toBeVisible();
  await resident.close();
});
