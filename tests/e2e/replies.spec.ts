import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("replies"));

const ACCOUNT = { email: "chibo-cm007@congkhai.vn", password: "mật khẩu tổ chức 1" };
// Seeded organizations no other spec writes to and the demo gives no reply.
const OWN = "CM-007";
const OTHER = "CM-008";
const REPLY = "Chi bộ xin tiếp thu ý kiến của bà con và sẽ báo cáo kết quả khắc phục vào tháng tới.";

async function evaluation2011(request: APIRequestContext, code: string) {
  const detail = (await (await request.get(`/api/v1/organizations/${code}`)).json()) as { evaluations: { id: string; period: string; reply: { body: string } | null }[] };
  return detail.evaluations.find((evaluation) => evaluation.period === "2011")!;
}

test("an organization account replies through the form; residents see it; it cannot reply for another organization", async ({ page, browser }) => {
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
