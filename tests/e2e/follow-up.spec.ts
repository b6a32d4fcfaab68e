import { expect, test, type Page } from "@playwright/test";
import { ownClient } from "./support";

test.use(ownClient("follow-up"));

// A seeded organization no other spec writes to: its counters move only by what this spec does.
const ORGANIZATION = "XL-014";

/** The "awaiting moderation" count of the organization's 2011 evaluation, as its page shows it. */
async function pendingShown(page: Page): Promise<number> {
  await page.goto(`/organizations/${ORGANIZATION}?lng=en`);
  const table = page.getByRole("table", { name: /Residents' views/i }).first();
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
