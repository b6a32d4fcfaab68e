import { beforeAll, describe, expect, it } from "vitest";
import { createSession } from "../../models/accounts/auth.server";
import { sessionCookie } from "../../app/utils/session.server";
import { createPeriod } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

let moderatorCookie = "";

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const moderator = await createStaff("moderator");
  moderatorCookie = (await sessionCookie.serialize(await createSession({ userId: moderator.id }))).split(";")[0]!;
});

async function page(path: string, { lang, cookie }: { lang: "vi" | "en"; cookie?: string }) {
  const response = await fetch(http.url(path), { headers: { "accept-language": lang, ...(cookie ? { cookie } : {}) } });
  const html = await response.text();
  return { status: response.status, title: /<title>([^<]*)<\/title>/.exec(html)?.[1], html };
}

describe("a refused page speaks the visitor's language the same way everywhere", () => {
  it("names the unknown period on the summary page, with a translated title", async () => {
    const vi = await page("/summary?period=2099", { lang: "vi" });
    expect(vi.status).toBe(404);
    expect(vi.title).toBe("Không tìm thấy trang — Công Khai");
    expect(vi.html).toContain("Không có đợt đánh giá đã công bố với mã này.");
    const en = await page("/summary?period=2099", { lang: "en" });
    expect(en.title).toBe("Page not found — Công Khai");
    expect(en.html).toContain("There is no published period with this code.");
  });

  it("titles a staff page a role may not open as 'not allowed'", async () => {
    const refused = await page("/admin/users", { lang: "en", cookie: moderatorCookie });
    expect(refused.status).toBe(403);
    expect(refused.title).toBe("Not allowed — Công Khai");
  });

  it("titles a malformed audit filter as an invalid request", async () => {
    const refused = await page("/moderation/audit?from=yesterday", { lang: "vi", cookie: moderatorCookie });
    expect(refused.status).toBe(400);
    expect(refused.title).toBe("Yêu cầu không hợp lệ — Công Khai");
  });
});
