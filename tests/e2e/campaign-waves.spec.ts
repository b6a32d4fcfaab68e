import { expect, test } from "@playwright/test";
import { createUser, expectAccessible, login } from "./support";

// A client address of its own (tests/e2e/support.ts hands out .1–.10).
const CLIENT = { "X-Forwarded-For": "198.51.100.60" };
test.use({ extraHTTPHeaders: CLIENT });

// A seeded organization no other spec writes to, in the demo period that takes comments now.
const ORGANIZATION = "DQ-012";
const PERIOD = "2011";
const WAVE_MODERATOR = { email: "dotsong@congkhai.vn", password: "mật khẩu đợt sóng 1" };

test("a campaign wave shows as one group and one form rejects its members, without JavaScript", async ({
  page,
  request,
  browser,
  baseURL,
}) => {
  createUser(WAVE_MODERATOR, "moderator");
  const detail = (await (await request.get(`/api/v1/organizations/${ORGANIZATION}`)).json()) as {
    evaluations: { id: string; period: string }[];
  };
  const evaluation = detail.evaluations.find((e) => e.period === PERIOD)!;
  for (let n = 1; n <= 5; n++) {
    const body = `Kết quả xếp loại chi bộ này chưa phản ánh đúng thực tế ở khu phố, ý kiến số ${n}.`;
    // Each from its own address, as a coordinated campaign would be.
    const response = await request.post("/api/v1/feedback", {
      headers: { "X-Forwarded-For": `203.0.113.${120 + n}` },
      data: { evaluation: evaluation.id, stance: "disagree", proposedRating: "yeu-kem", body },
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await page.goto(`/moderation?organization=${ORGANIZATION}&flagged=1`);
  await login(page, WAVE_MODERATOR);
  const wave = page.locator("[data-wave]");
  await expect(wave).toHaveCount(1);
  await expect(wave.getByRole("heading", { name: "Đợt gửi dồn dập: 5 ý kiến giống nhau" })).toBeVisible();
  await expect(wave.locator("[data-moderation-item]")).toHaveCount(5);
  await expectAccessible(page);

  // The same moderator in a browser without JavaScript: the wave's form is a plain POST.
  const plain = await browser.newContext({ javaScriptEnabled: false, baseURL, extraHTTPHeaders: CLIENT, locale: "vi-VN" });
  await plain.addCookies(await page.context().cookies());
  const noScript = await plain.newPage();
  await noScript.goto(`/moderation?organization=${ORGANIZATION}&flagged=1`);
  const form = noScript.locator("[data-wave]").getByRole("form", { name: "Xử lý cả đợt" });
  await form.getByLabel("Lý do từ chối").selectOption("spam");
  await form.getByRole("button", { name: "Từ chối 5 ý kiến của đợt" }).click();
  await expect(noScript.getByText("Đã từ chối 5 ý kiến.")).toBeVisible();
  await expect(noScript.locator("[data-wave]")).toHaveCount(0);
  await plain.close();
  await page.reload();
  await expect(page.locator("[data-wave]")).toHaveCount(0);
  await expectAccessible(page);
});
