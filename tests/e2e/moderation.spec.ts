import { expect, test, type APIRequestContext } from "@playwright/test";
import { createUser, expectAccessible, login, ownClient } from "./support";

test.use(ownClient("moderation"));

const MODERATOR = { email: "kiemduyet@congkhai.vn", password: "mật khẩu kiểm duyệt 1" };
const ADMIN = { email: "quantri@congkhai.vn", password: "mật khẩu quản trị 1" };

// Seeded organizations no other spec writes to, in the demo period that takes comments now.
const ORGANIZATION = "DQ-011";
const KEYBOARD_ORGANIZATION = "TP-005";
const PERIOD = "2011";

interface Detail {
  evaluations: { id: string; period: string; counters: { agree: number; pending: number } }[];
}

async function evaluationIn(request: APIRequestContext, code: string, period: string) {
  const detail = (await (await request.get(`/api/v1/organizations/${code}`)).json()) as Detail;
  return detail.evaluations.find((evaluation) => evaluation.period === period)!;
}

/** Three fresh comments on the spec's organization (one with a phone number). */
async function prepareItems(request: APIRequestContext) {
  const [code, period] = [ORGANIZATION, PERIOD];
  const before = await evaluationIn(request, code, period);
  const bodies = [
    "Đề nghị xem lại, gọi tôi số 0912 345 678 để trao đổi thêm.",
    "Chi bộ sinh hoạt đều đặn, tôi đồng tình với kết quả xếp loại.",
    "Cán bộ khu phố gần dân, giải quyết việc nhanh, đồng tình.",
  ];
  const codes: string[] = [];
  for (const body of bodies) {
    const response = await request.post("/api/v1/feedback", { data: { evaluation: before.id, stance: "agree", body } });
    expect(response.status(), await response.text()).toBe(201);
    codes.push(((await response.json()) as { trackingCode: string }).trackingCode);
  }
  return { code, period, bodies, codes, agreeBefore: before.counters.agree };
}

async function agreeCount(request: APIRequestContext, items: { code: string; period: string }) {
  return (await evaluationIn(request, items.code, items.period)).counters.agree;
}

test("guards: anonymous pages redirect to login, the API answers 401, other origins are refused", async ({ page, request }) => {
  await page.goto("/moderation");
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Fmoderation$/);
  expect((await request.get("/api/v1/moderation/queue")).status()).toBe(401);
  const crossSite = await request.post("/api/v1/moderation/feedback/65a000000000000000000000", {
    data: { decision: "approve" },
    headers: { Origin: "https://evil.example" },
  });
  expect(crossSite.status()).toBe(403);
  expect(await crossSite.json()).toMatchObject({ error: { code: "cross_origin" } });
});

test("a moderator works the queue; an admin reverses a decision and counters follow", async ({ page, request }) => {
  createUser(MODERATOR, "moderator");
  createUser(ADMIN, "admin");
  const items = await prepareItems(request);

  await page.goto("/moderation");
  await login(page, MODERATOR);
  await expect(page.getByRole("heading", { level: 1, name: "Hàng chờ kiểm duyệt" })).toBeVisible();

  // Flagged items of our organization: the one with a phone number, its flag explained.
  await page.getByLabel("Mã tổ chức").fill(items.code);
  await page.getByLabel("Chỉ ý kiến bị gắn cờ").check();
  await page.getByRole("button", { name: "Lọc" }).click();
  const flagged = page.locator("article", { hasText: items.bodies[0]! });
  await expect(flagged.getByText(/Có số điện thoại/)).toBeVisible();
  await expectAccessible(page);
  await flagged.getByLabel("Lý do từ chối").selectOption("personal-data");
  await flagged.getByRole("button", { name: "Từ chối", exact: true }).click();
  await expect(page.getByText("Đã từ chối 1 ý kiến.")).toBeVisible();

  // The other two, approved together as a selection.
  await page.getByLabel("Chỉ ý kiến bị gắn cờ").uncheck();
  await page.getByRole("button", { name: "Lọc" }).click();
  await page.getByLabel(`Chọn ${items.codes[1]}`).check();
  await page.getByLabel(`Chọn ${items.codes[2]}`).check();
  await page.getByRole("button", { name: "Duyệt các mục đã chọn" }).click();
  await expect(page.getByText("Đã duyệt 2 ý kiến.")).toBeVisible();
  expect(await agreeCount(request, items)).toBe(items.agreeBefore + 2);

  // A moderator cannot reverse: no control on the page, and the action refuses.
  await page.goto(`/moderation?status=approved&organization=${items.code}`);
  await expect(page.locator("blockquote", { hasText: items.bodies[1]! })).toBeVisible();
  await expect(page.getByRole("button", { name: /Đảo ngược/ })).toHaveCount(0);
  const refused = await page.request.post("/moderation?index", {
    form: { intent: "reverse", id: "65a000000000000000000000", to: "rejected", reason: "spam", note: "thử" },
  });
  expect(refused.status()).toBe(403);

  // The organization page shows the approved comments and the transparency line.
  await page.goto(`/organizations/${items.code}`);
  await expect(page.getByText(items.bodies[1]!)).toBeVisible();
  await expect(page.getByText(items.bodies[2]!)).toBeVisible();
  await expect(page.getByText(/ý kiến không được công bố:.*thông tin cá nhân/)).toBeVisible();

  // An admin reverses one approval; the agree counter falls back by one.
  await page.getByRole("button", { name: "Đăng xuất" }).click();
  await expect(page.getByRole("link", { name: "Đăng nhập" })).toBeVisible();
  await page.goto(`/moderation?status=approved&organization=${items.code}`);
  await login(page, ADMIN);
  const approved = page.locator("article", { hasText: items.bodies[2]! });
  await approved.getByLabel("Lý do từ chối").selectOption("spam");
  await approved.getByLabel("Lý do đảo ngược quyết định").fill("Quảng cáo trá hình, duyệt nhầm");
  await approved.getByRole("button", { name: "Đảo ngược: từ chối ý kiến này" }).click();
  await expect(page.getByText("Đã đảo ngược: ý kiến bị từ chối.")).toBeVisible();
  expect(await agreeCount(request, items)).toBe(items.agreeBefore + 1);

  await page.goto("/moderation/audit?action=feedback.reverse");
  await expect(page.getByRole("table").getByText("Quảng cáo trá hình, duyệt nhầm")).toBeVisible();
});

test("keyboard: j moves to the first item in the queue and a approves it", async ({ page, request }) => {
  const keyboardModerator = { email: "banphim@congkhai.vn", password: "mật khẩu bàn phím 1" };
  createUser(keyboardModerator, "moderator");
  const before = await evaluationIn(request, KEYBOARD_ORGANIZATION, PERIOD);
  const posted = await request.post("/api/v1/feedback", {
    headers: { "X-Forwarded-For": "203.0.113.77" },
    data: { evaluation: before.id, stance: "agree", body: "Chi bộ ấp giữ gìn đoàn kết, tôi đồng tình với kết quả xếp loại." },
  });
  expect(posted.status()).toBe(201);

  await page.goto(`/moderation?organization=${KEYBOARD_ORGANIZATION}`);
  await login(page, keyboardModerator);
  await expect(page.locator("[data-moderation-item]").first()).toBeVisible();
  await page.keyboard.press("j");
  await expect(page.locator("[data-moderation-item]").first()).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByText("Đã duyệt 1 ý kiến.")).toBeVisible();
  // One posted, one approved: pending is back where it was.
  expect((await evaluationIn(request, KEYBOARD_ORGANIZATION, PERIOD)).counters.pending).toBe(before.counters.pending);
});
