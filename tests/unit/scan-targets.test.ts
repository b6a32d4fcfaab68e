import { describe, expect, it } from "vitest";
import { fillPattern, routePattern, sitemapUrls } from "../../scripts/scan/targets";

const values = { organization: "DN-0001", period: "2011", trackingCode: "ABCD-EFGH-JK", feedbackId: null };

describe("the URLs npm run scan hands to wapiti", () => {
  it("reads Remix flat-route file names as URL patterns", () => {
    expect(routePattern("_index.tsx")).toBe("/");
    expect(routePattern("admin.periods.$code.tsx")).toBe("/admin/periods/:code");
    expect(routePattern("committee_.reviews.$id.tsx")).toBe("/committee/reviews/:id");
    expect(routePattern("api.v1.summary[.]csv.ts")).toBe("/api/v1/summary.csv");
    expect(routePattern("admin.import-template[.]csv.ts")).toBe("/admin/import-template.csv");
  });

  it("fills parameters with the demo's real values and leaves out routes it has none for", () => {
    expect(fillPattern("/organizations/:code", values)).toBe("/organizations/DN-0001");
    expect(fillPattern("/admin/periods/:code", values)).toBe("/admin/periods/2011");
    expect(fillPattern("/feedback/:trackingCode", values)).toBe("/feedback/ABCD-EFGH-JK");
    expect(fillPattern("/api/v1/moderation/feedback/:id", values)).toBeNull();
    expect(fillPattern("/invite/:token", values)).toBeNull();
    expect(fillPattern("/:", values)).toBeNull();
  });

  it("takes a few pages of each kind from the sitemap, on the scanned server", () => {
    const locs = ["/", "/organizations", "/organizations/A", "/organizations/B", "/organizations/C", "/organizations/D"];
    const xml = locs.map((loc) => `<url><loc>https://congkhai.example.vn${loc}</loc></url>`).join("");
    expect(sitemapUrls("http://127.0.0.1:9", xml)).toEqual([
      "http://127.0.0.1:9/",
      "http://127.0.0.1:9/organizations",
      "http://127.0.0.1:9/organizations/A",
      "http://127.0.0.1:9/organizations/B",
      "http://127.0.0.1:9/organizations/C",
    ]);
  });
});
