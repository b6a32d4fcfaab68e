import { beforeAll, describe, expect, it } from "vitest";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

const get = (path: string, headers: Record<string, string> = {}, method = "GET") => fetch(http.url(path), { method, headers });
const PAGE_POLICY = "public, max-age=0, must-revalidate";
const OPEN_DATA_POLICY = "public, max-age=30, stale-while-revalidate=30";
const PRIVATE = "private, no-store";

let trackingCode = "";
let moderatorCookie = "";

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  const org = await createRatedOrganization({ code: "BH-001", name: "Chi bộ Khu phố 1", period: "2011" });
  trackingCode = (await createPendingFeedback({ evaluationId: org.evaluationId, organizationId: org.organizationId })).trackingCode;
  moderatorCookie = (await createStaff("moderator")).cookie;
});

describe("ETag and 304 for anonymous public reads", () => {
  // Not /summary yet: its generatedAt is the time of each request, so its body changes every time.
  it.each([
    "/",
    "/organizations",
    "/organizations/BH-001",
    "/organizations?district=Bi%C3%AAn+H%C3%B2a",
    "/api/v1/periods",
    "/api/v1/organizations/BH-001",
    "/api/v1/organizations?period=2011",
  ])("%s keeps its ETag across requests (whatever the nonce) and answers a matching If-None-Match with an empty 304", async (path) => {
    const first = await get(path);
    expect(first.status).toBe(200);
    const etag = first.headers.get("etag");
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    await first.arrayBuffer();

    const again = await get(path);
    expect(again.headers.get("etag")).toBe(etag);
    await again.arrayBuffer();

    const revalidated = await get(path, { "if-none-match": `"other", ${etag}` });
    expect(revalidated.status).toBe(304);
    expect(await revalidated.text()).toBe("");
    expect(revalidated.headers.get("etag")).toBe(etag);
    // The stored page keeps the CSP whose nonce its scripts carry.
    expect(revalidated.headers.get("content-security-policy")).toBeNull();

    const stale = await get(path, { "if-none-match": 'W/"stale"' });
    expect(stale.status).toBe(200);
    await stale.arrayBuffer();
  });

  it("answers HEAD with the same ETag and a 304 when it matches", async () => {
    const etag = (await get("/organizations")).headers.get("etag")!;
    const head = await get("/organizations", {}, "HEAD");
    expect(head.status).toBe(200);
    expect(head.headers.get("etag")).toBe(etag);
    expect((await get("/organizations", { "if-none-match": etag }, "HEAD")).status).toBe(304);
  });

  it("gives each language its own ETag", async () => {
    const vi = await get("/organizations", { "accept-language": "vi" });
    const en = await get("/organizations", { "accept-language": "en" });
    expect(vi.headers.get("etag")).not.toBe(en.headers.get("etag"));
  });
});

describe("Cache-Control and Vary", () => {
  it("lets anyone revalidate public pages and keep open data briefly, varying by language, cookie and encoding", async () => {
    const page = await get("/organizations/BH-001", { "accept-encoding": "gzip" });
    expect(page.headers.get("cache-control")).toBe(PAGE_POLICY);
    const openData = await get("/api/v1/organizations?period=2011");
    expect(openData.headers.get("cache-control")).toBe(OPEN_DATA_POLICY);
    for (const res of [page, openData]) {
      const vary = (res.headers.get("vary") ?? "").toLowerCase();
      for (const header of ["accept-language", "cookie", "accept-encoding"]) expect(vary).toContain(header);
    }
  });

  it.each([
    "/moderation",
    "/moderation/audit",
    "/api/v1/moderation/queue",
    "/committee",
    "/admin",
    "/",
    "/organizations/BH-001",
    "/api/v1/periods",
  ])("sends %s to signed-in staff as private, no-store without an ETag", async (path) => {
    const res = await get(path, { cookie: moderatorCookie });
    expect(res.headers.get("cache-control")).toBe(PRIVATE);
    expect(res.headers.get("etag")).toBeNull();
  });

  it.each(["/login", "/moderation", "/admin/users", "/committee", "/invite/not-a-real-token", "/api/v1/moderation/queue"])(
    "never lets %s be stored, even anonymously",
    async (path) => {
      const res = await get(path);
      expect(res.headers.get("cache-control")).toBe(PRIVATE);
    },
  );

  it("keeps tracking pages and their API private, since the code in the URL is a secret", async () => {
    for (const path of [`/feedback/${trackingCode}`, `/api/v1/feedback/${trackingCode}`]) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe(PRIVATE);
      expect(res.headers.get("etag")).toBeNull();
    }
  });

  it("does not let a page that sets the language cookie be shared", async () => {
    const res = await get("/organizations?lng=en");
    expect(res.headers.get("set-cookie")).toContain("lng");
    expect(res.headers.get("cache-control")).toBe(PRIVATE);
  });

  it("does not store errors or refusals", async () => {
    expect((await get("/organizations/NO-SUCH-CODE")).headers.get("cache-control")).toBe("no-store");
    const refused = await fetch(http.url("/api/v1/feedback"), { method: "POST", headers: { origin: "https://evil.example" } });
    expect(refused.headers.get("cache-control")).toBe("no-store");
  });
});
