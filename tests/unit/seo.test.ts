import { describe, expect, it } from "vitest";
import { isPrivatePath, languageAlternates, localizedUrl, robotsTxt, sitemapXml } from "../../app/utils/seo";

const origin = "https://congkhai.example.vn";

describe("addresses per language", () => {
  it("sets ?lng for a language, drops it for x-default and keeps the other parameters", () => {
    expect(localizedUrl({ origin, path: "/organizations", search: "?lng=en&period=2011", lng: "vi" })).toBe(
      `${origin}/organizations?period=2011&lng=vi`,
    );
    expect(localizedUrl({ origin, path: "/", search: "?lng=en" })).toBe(`${origin}/`);
    expect(languageAlternates({ origin, path: "/summary" })).toEqual([
      { hreflang: "vi", href: `${origin}/summary?lng=vi` },
      { hreflang: "en", href: `${origin}/summary?lng=en` },
      { hreflang: "x-default", href: `${origin}/summary` },
    ]);
  });
});

describe("sitemap.xml", () => {
  it("lists each page once with its three alternates, ampersands escaped", () => {
    const xml = sitemapXml({
      origin,
      pages: [
        { path: "/organizations/BH-0001", search: "" },
        { path: "/summary", search: "period=2011" },
      ],
    });
    expect(xml.match(/<loc>/g)).toHaveLength(2);
    expect(xml).toContain(
      `<loc>${origin}/organizations/BH-0001</loc><xhtml:link rel="alternate" hreflang="vi" href="${origin}/organizations/BH-0001?lng=vi"/>`,
    );
    expect(xml).toContain(`hreflang="en" href="${origin}/summary?period=2011&amp;lng=en"`);
    expect(xml).not.toMatch(/&(?!amp;)/);
  });
});

describe("robots.txt", () => {
  it("allows the public site, keeps staff pages and tracking codes out and names the sitemap", () => {
    const text = robotsTxt({ origin });
    for (const path of ["/admin", "/moderation", "/committee", "/login", "/invite", "/api/v1/moderation"])
      expect(text).toContain(`Disallow: ${path}\n`);
    expect(text).toContain("Allow: /\n");
    expect(text).toContain(`Sitemap: ${origin}/sitemap.xml`);
  });

  it("names the same pages private for the pages' own noindex", () => {
    for (const path of ["/admin", "/admin/users", "/moderation/stats", "/feedback/ABCD-EFGH-JK", "/invite/token"])
      expect(isPrivatePath(path), path).toBe(true);
    for (const path of ["/", "/organizations/VC-001", "/summary", "/administrators-list", "/feedbacks"])
      expect(isPrivatePath(path), path).toBe(false);
  });
});
