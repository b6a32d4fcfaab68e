import { expect, test, type Page } from "@playwright/test";
import { expectAccessible, ownClient } from "./support";

test.use(ownClient("feedback"));

// A resident gives their view on a seeded 2011 rating (the demo period takes comments for 90 days).
const TEXT = {
  vi: {
    form: "Góp ý về kết quả xếp loại năm 2011",
    disagree: "Không đồng tình",
    proposed: "Theo bạn, nên xếp loại",
    body: "Nhận xét",
    name: "Tên hiển thị (không bắt buộc)",
    resident: "Tôi sinh sống trên địa bàn của tổ chức này",
    submit: "Gửi ý kiến",
    proposedError: "Khi không đồng tình, hãy chọn mức xếp loại bạn đề xuất.",
    bodyError: "Hãy viết nhận xét (ít nhất 1 ký tự).",
    rating: "Hoàn thành nhiệm vụ",
    thanks: "Cảm ơn bạn đã góp ý!",
    pending: "Đang chờ kiểm duyệt",
  },
  en: {
    form: "Your view on the 2011 rating",
    disagree: "Disagree",
    proposed: "The rating you would give",
    body: "Comment",
    name: "Display name (optional)",
    resident: "I live in this organization's area",
    submit: "Send my view",
    proposedError: "When you disagree, choose the rating you would give instead.",
    bodyError: "Please write a comment (at least 1 character).",
    rating: "Completed tasks",
    thanks: "Thank you for your view!",
    pending: "Awaiting moderation",
  },
} as const;

/** Each test is its own client address (through the trusted local proxy header), so the feedback rate limit never mixes them. */
let client = 0;
test.beforeEach(async ({ page }) => {
  client += 1;
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `10.77.${process.pid % 250}.${client}` });
});

// A seeded organization no other spec writes to: the views posted here stay this spec's own.
const ORGANIZATION = "XL-012";

/** The first organization of the demo list: no spec writes to it, so it shows the seed's approved views. */
async function firstOrganization(page: Page): Promise<string> {
  const response = await page.request.get("/api/v1/organizations?period=2011&limit=1");
  const body = (await response.json()) as { items: { code: string }[] };
  return body.items[0]!.code;
}

for (const lang of ["vi", "en"] as const) {
  for (const javaScriptEnabled of [true, false]) {
    test.describe(`${lang}, JavaScript ${javaScriptEnabled ? "on" : "off"}`, () => {
      test.use({ javaScriptEnabled, locale: lang === "vi" ? "vi-VN" : "en-GB" });

      test("a resident posts a view, sees field errors, keeps what they typed, and follows the tracking page", async ({ page }) => {
        const t = TEXT[lang];
        await page.goto(`/organizations/${ORGANIZATION}?lng=${lang}`);
        const form = page.getByRole("form", { name: t.form });
        const name = `Cư dân thử ${lang} ${javaScriptEnabled ? "js" : "nojs"} <b>`;

        await form.getByRole("radio", { name: t.disagree, exact: true }).check();
        await form.getByLabel(t.name).fill(name);
        await form.getByLabel(t.resident).check();
        await form.getByRole("button", { name: t.submit }).click();

        const refused = page.getByRole("form", { name: t.form });
        await expect(refused.getByLabel(t.body, { exact: true })).toHaveAccessibleDescription(
          new RegExp(t.bodyError.replace(/[.()]/g, "\\$&")),
        );
        await expect(refused.getByText(t.proposedError)).toBeVisible();
        await expect(refused.getByLabel(t.proposed)).toHaveAttribute("aria-invalid", "true");
        await expect(refused.getByLabel(t.name)).toHaveValue(name);
        await expect(refused.getByLabel(t.resident)).toBeChecked();
        await expect(refused.getByRole("radio", { name: t.disagree, exact: true })).toBeChecked();
        // axe runs in the page, so it needs JavaScript.
        if (lang === "vi" && javaScriptEnabled) await expectAccessible(page);

        await refused.getByLabel(t.proposed).selectOption({ label: t.rating });
        const body = `Ý kiến thử nghiệm (${lang}, ${javaScriptEnabled ? "js" : "no-js"}, ${Date.now()}): chi bộ cần công khai hơn.`;
        await refused.getByLabel(t.body, { exact: true }).fill(body);
        await refused.getByRole("button", { name: t.submit }).click();

        await expect(page).toHaveURL(/\/feedback\/[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}\?new=1$/);
        await expect(page.getByRole("status")).toContainText(t.thanks);
        await expect(page.getByText(t.pending, { exact: true })).toBeVisible();
        await expect(page.getByText(body)).toBeVisible();

        // The tracking code works on its own, and through the API, which never returns a contact.
        const trackingCode = new URL(page.url()).pathname.split("/").pop()!;
        const api = await page.request.get(`/api/v1/feedback/${trackingCode}`);
        expect(api.status()).toBe(200);
        expect(await api.json()).toMatchObject({ trackingCode, status: "pending", stance: "disagree", proposedRating: "hoan-thanh" });
      });
    });
  }
}

test("the organization page lists approved views newest first, with stance badges and anonymous residents", async ({ page }) => {
  const code = await firstOrganization(page);
  await page.goto(`/organizations/${code}?lng=vi`);
  const list = page.getByRole("region", { name: "Ý kiến đã công bố" });
  const items = list.getByRole("listitem");
  await expect(items.first()).toBeVisible();
  await expect(items.first().locator(".badge").first()).toHaveText(/Đồng tình|Không đồng tình|Không có ý kiến/);
  const times = await list.locator("time").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("datetime") ?? ""));
  expect(times).toEqual([...times].sort().reverse());
});
