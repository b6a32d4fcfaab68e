import { describe, expect, it } from "vitest";
import { redactPath } from "../../app/utils/log.server";
import { bodyLimitFor } from "../../server/body-limit";
import { bodyEtag, cachePolicy, etagMatches } from "../../server/http-cache";

describe("cachePolicy", () => {
  const anonymousRead = { method: "GET", status: 200, signedIn: false, setsCookie: false, routeValue: null };

  it.each([
    ["/", "public, max-age=0, must-revalidate", true],
    ["/organizations/BH-001.data", "public, max-age=0, must-revalidate", true],
    ["/feedback/ABCD-EFGH", "private, no-store", false],
    ["//api/v1/feedback/ABCD-EFGH", "private, no-store", false],
    ["/Moderation/audit", "private, no-store", false],
    ["/admin.data", "private, no-store", false],
    ["/api/v1/moderation/queue", "private, no-store", false],
    ["/committee", "private, no-store", false],
  ])("%s → %s", (path, cacheControl, etag) => {
    expect(cachePolicy({ ...anonymousRead, path })).toEqual({ cacheControl, etag });
  });

  it("keeps the short public lifetime an open-data route sets, and stores none it did not set", () => {
    const openData = "public, max-age=30, stale-while-revalidate=30";
    expect(cachePolicy({ ...anonymousRead, path: "/api/v1/summary.csv", routeValue: openData })).toEqual({
      cacheControl: openData,
      etag: true,
    });
    expect(cachePolicy({ ...anonymousRead, path: "/api/v1/periods" })).toEqual({ cacheControl: "no-store", etag: true });
  });

  it("keeps public pages private for a signed-in user or when the answer sets a cookie", () => {
    expect(cachePolicy({ ...anonymousRead, path: "/", signedIn: true }).cacheControl).toBe("private, no-store");
    expect(cachePolicy({ ...anonymousRead, path: "/", setsCookie: true }).cacheControl).toBe("private, no-store");
  });

  it("stores no error and no write, unless the route said otherwise", () => {
    expect(cachePolicy({ ...anonymousRead, path: "/organizations/X", status: 404 })).toEqual({ cacheControl: "no-store", etag: false });
    expect(cachePolicy({ ...anonymousRead, path: "/api/v1/feedback", method: "POST", status: 201 })).toEqual({
      cacheControl: "no-store",
      etag: false,
    });
  });
});

describe("ETags", () => {
  it("ignore the per-request nonce and id but nothing else", () => {
    const page = (nonce: string, text: string) => Buffer.from(`<script nonce="${nonce}">${text}</script>`);
    expect(bodyEtag(page("n1", "a"), ["n1", "r1"])).toBe(bodyEtag(page("n2", "a"), ["n2", "r2"]));
    expect(bodyEtag(page("n1", "a"), ["n1"])).not.toBe(bodyEtag(page("n1", "b"), ["n1"]));
  });

  it("match If-None-Match weakly, in a list or as *", () => {
    expect(etagMatches('W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches('"x", W/"abc"', 'W/"abc"')).toBe(true);
    expect(etagMatches("*", 'W/"abc"')).toBe(true);
    expect(etagMatches('W/"abd"', 'W/"abc"')).toBe(false);
    expect(etagMatches(undefined, 'W/"abc"')).toBe(false);
  });
});

describe("bodyLimitFor", () => {
  it.each([
    ["/login", 16 * 1024],
    ["/invite/abc", 16 * 1024],
    ["/api/v1/feedback", 32 * 1024],
    ["/api/v1/feedback/ABCD/removal", 32 * 1024],
    ["/organizations/BH-001.data", 32 * 1024],
    ["/admin/import", 6 * 1024 * 1024],
    ["/admin/words", 256 * 1024],
  ])("%s → %i bytes", (path, bytes) => {
    expect(bodyLimitFor(path)).toBe(bytes);
  });
});

describe("redactPath", () => {
  it.each([
    ["/invite/tok", "/invite/:token"],
    ["/feedback/CODE/withdraw", "/feedback/:trackingCode/withdraw"],
    ["/%46EEDBACK/CODE", "/FEEDBACK/:trackingCode"],
    ["/\\invite/tok", "/invite/:token"],
    ["/api%2Fv1%2Ffeedback%2FCODE", "/api/v1/feedback/:trackingCode"],
    ["/organizations/BH-001", "/organizations/BH-001"],
  ])("%s → %s", (path, logged) => {
    expect(redactPath(path)).toBe(logged);
  });
});
