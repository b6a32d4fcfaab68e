// Renders public/og-image.png, the picture a chat app or search result shows beside a shared page:
// `npx tsx scripts/og-image.ts` (Debian's Chromium, as the browser tests use). Run again after changing the card.
import { chromium } from "@playwright/test";

const CARD = `<!doctype html><html lang="vi"><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
         padding: 0 96px; box-sizing: border-box; background: #a3161a; color: #fff; font-family: "DejaVu Sans", sans-serif; }
  .mark { width: 120px; height: 120px; margin-bottom: 40px; }
  h1 { font-size: 96px; margin: 0 0 24px; letter-spacing: -1px; }
  p { font-size: 40px; margin: 0; line-height: 1.3; max-width: 960px; }
  .en { font-size: 30px; margin-top: 20px; opacity: 0.9; }
</style><body>
  <svg class="mark" viewBox="0 0 32 32"><rect width="32" height="32" rx="6" fill="#fff"/><path d="M9 17l5 5 9-11" fill="none" stroke="#a3161a" stroke-width="3.5" stroke-linecap="round" stroke-linejoin="round"/></svg>
  <h1>Công Khai</h1>
  <p>Ý kiến nhân dân về kết quả xếp loại tổ chức cơ sở đảng</p>
  <p class="en">Residents' views on the ratings of grassroots party organizations</p>
</body></html>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu"],
});
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
  await page.setContent(CARD);
  await page.screenshot({ path: "public/og-image.png" });
} finally {
  await browser.close();
}
