import { describe, expect, it } from "vitest";
import { fillPattern, routePattern, sitemapUrls } from "../../scripts/scan/targets";

const values = { organization: "DN-0001", period: "2011", trackingCode: "ABCD-EFGH-JK", feedbackId: null };

/** What `read` makes of each key of `expected`, as one object to compare with `expected` whole. */
const readEach = <T>(expected: Record<string, T>, read: (key: string) => T) =>
  Object.fromEntries(Object.keys(expected).map((key) => [key, read(key)]));

describe("the URLs npm run scan hands to wapiti", () => {
  it("reads Remix flat-route file names as URL patterns", () => {
    const patterns = {
      "_index.tsx": "/",
      "admin.periods.$code.tsx": "/admin/periods/:code",
      "committee_.reviews.$id.tsx": "/committee/reviews/:id",
      "api.v1.summary[.]csv.ts": "/api/v1/summary.csv",
      "admin.import-template[.]csv.ts": "/admin/import-template.csv",
    };
    expect(readEach(patterns, routePattern)).toStrictEqual(patterns);
  });

  it("fills parameters with the demo's real values and leaves out routes it has none for", () => {
    const filled = {
      "/organizations/:code": "/organizations/DN-0001",
      "/admin/periods/:code": "/admin/periods/2011",
      "/feedback/:trackingCode": "/feedback/ABCD-EFGH-JK",
      "/api/v1/moderation/feedback/:id": null,
      "/invite/:token": null,
      "/:": null,
    };
    expect(readEach(filled, (pattern) => fillPattern(pattern, values))).toStrictEqual(filled);
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
