import { expect, test, type Page } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("follow-up"));

// A seeded organization no other spec writes to: its counters move only by what this spec does.
const ORGANIZATION = "XL-014";

/** The "awaiting moderation" count of the organization's 2011 evaluation, as its page shows it. */
async function pendingShown(page: Page): Promise<number> {
  await page.goto(`/organizations/${ORGANIZATION}?lng=en`);
  const table = page.getByRole("table", { name: /^Residents' views approved and awaiting moderation, 2011/ });
  const row = table.getByRole("row", { name: /Awaiting moderation/ });
  return Number((await row.getByRole("cell").innerText()).replace(/\D/g, ""));
}

test.describe("without JavaScript", () => {
  test.use({ javaScriptEnabled: false, locale: "en-GB" });

  test("a resident withdraws a pending view from its tracking page and the organization page's counters move back", async ({ page }) => {
    const before = await pendingShown(page);
    const form = page.getByRole("form", { name: "Your view on the 2011 rating" });
    await form.getByRole("radio", { name: "Agree", exact: true }).check();
    await form.getByLabel("Comment", { exact: true }).fill(`I changed my mind about this view (${Date.now()}).`);
    await form.getByRole("button", { name: "Send my view" }).click();
    await expect(page).toHaveURL(/\/feedback\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\?new=1$/);
    const tracking = new URL(page.url()).pathname;
    expect(await pendingShown(page)).toBe(before + 1);

    await page.goto(tracking);
    await expect(page.getByText("Awaiting moderation", { exact: true })).toBeVisible();
    await page.getByRole("button", { name: "Withdraw my view" }).click();
    await expect(page).toHaveURL(new RegExp(`${tracking}\\?done=withdrawn$`));
    await expect(page.getByRole("status")).toContainText("Your view was withdrawn.");
    await expect(page.getByText("Withdrawn", { exact: true })).toBeVisible();
    await expect(page.getByRole("button", { name: "Withdraw my view" })).toHaveCount(0);

    expect(await pendingShown(page)).toBe(before);
  });
});

test("a reader reports a published comment from the organization page; the report and tracking pages pass axe", async ({ page }) => {
  const response = await page.request.get("/api/v1/organizations?period=2011&limit=1");
  const code = ((await response.json()) as { items: { code: string }[] }).items[0]!.code;
  await page.goto(`/organizations/${code}?lng=vi`);
  await page.getByRole("region", { name: "Ý kiến đã công bố" }).getByRole("link", { name: "Phản ánh" }).first().click();
  await expect(page).toHaveURL(/\/comments\/[0-9a-f]{24}\/report$/);
  await expect(page.getByRole("heading", { name: "Phản ánh một ý kiến" })).toBeVisible();
  await expectAccessible(page);

  await page.getByRole("button", { name: "Gửi phản ánh" }).click();
  await expect(page.getByRole("alert")).toContainText("Phản ánh không hợp lệ.");
  await expect(page.getByText("Hãy chọn một lý do.")).toBeVisible();
  await page.getByRole("radio", { name: "lộ thông tin cá nhân của người khác" }).check();
  await page.getByRole("button", { name: "Gửi phản ánh" }).click();
  await expect(page).toHaveURL(/\/report\?sent=1$/);
  await expect(page.getByRole("status")).toContainText("phản ánh của bạn đã được ghi nhận");

  // The tracking page with its withdraw form.
  const organization = (await (await page.request.get(`/api/v1/organizations/${ORGANIZATION}`)).json()) as {
    evaluations: { id: string; period: string }[];
  };
  const evaluation = organization.evaluations.find((e) => e.period === "2011")!.id;
  const posted = await page.request.post("/api/v1/feedback", {
    data: { evaluation, stance: "neutral", body: `Ý kiến để kiểm tra trang theo dõi (${Date.now()}).` },
  });
  const { trackingCode } = (await posted.json()) as { trackingCode: string };
  await page.goto(`/feedback/${trackingCode}?lng=vi`);
  await expect(page.getByRole("button", { name: "Rút lại ý kiến của tôi" })).toBeVisible();
  await expectAccessible(page);
});

test("a moderator sees a removal request in the queue and removes the comment for good", async ({ page }) => {
  const moderator = { email: "theodoi@congkhai.vn", password: "mật khẩu theo dõi 1" };
  createUser(moderator, "moderator");
  await page.goto("/login");
  await login(page, moderator);
  const organization = (await (await page.request.get(`/api/v1/organizations/${ORGANIZATION}`)).json()) as {
    evaluations: { id: string; period: string }[];
  };
  const evaluation = organization.evaluations.find((e) => e.period === "2011")!.id;
  const body = `Tôi muốn gỡ ý kiến này sau khi đăng (${Date.now()}).`;
  const posted = await page.request.post("/api/v1/feedback", { data: { evaluation, stance: "agree", body } });
  const { trackingCode } = (await posted.json()) as { trackingCode: string };
  const id = (
    (await (await page.request.get(`/api/v1/moderation/queue?organization=${ORGANIZATION}&limit=100`)).json()) as {
      items: { id: string; trackingCode: string }[];
    }
  ).items.find((item) => item.trackingCode === trackingCode)!.id;
  expect((await page.request.post(`/api/v1/moderation/feedback/${id}`, { data: { decision: "approve" } })).status()).toBe(200);
  expect((await page.request.post(`/api/v1/feedback/${trackingCode}/removal`)).status()).toBe(200);

  await page.goto(`/moderation?organization=${ORGANIZATION}&lng=vi`);
  const item = page.locator("article", { hasText: body });
  await expect(item.getByText("Người viết đã yêu cầu gỡ (đang ẩn cho đến khi bạn quyết định).")).toBeVisible();
  await expectAccessible(page);
  await item.getByRole("button", { name: "Gỡ bỏ" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Ý kiến đã được gỡ bỏ." })).toBeVisible();
  await page.goto(`/feedback/${trackingCode}?lng=vi`);
  await expect(page.getByText("Đã gỡ theo yêu cầu", { exact: true })).toBeVisible();
});
