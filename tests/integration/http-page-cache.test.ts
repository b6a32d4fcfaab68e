import { gunzipSync } from "node:zlib";
import { request } from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { decideFeedback } from "../../models/moderation/moderation.server";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createPendingFeedback, createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

let org: { evaluationId: string; organizationId: string };
let moderator: { id: string; email: string; role: "moderator" };

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  org = await createRatedOrganization({ code: "PC-001", name: "Chi bộ Khu phố Bộ nhớ đệm", period: "2011" });
  const staff = await createStaff("moderator");
  moderator = { id: staff.id, email: staff.email, role: "moderator" };
});

async function page(path: string) {
  const response = await fetch(http.url(path), { headers: { "accept-language": "vi" } });
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get("content-security-policy") ?? "")?.[1];
  return { status: response.status, html: await response.text(), nonce };
}

/** The raw bytes a browser that offers brotli first would get, decoded by the encoding the server named. */
function fetchAsBrowser(path: string): Promise<{ encoding: string | undefined; text: string }> {
  return new Promise((resolve, reject) => {
    const req = request(http.url(path), { headers: { "accept-encoding": "br, gzip, deflate" } }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        const raw = Buffer.concat(chunks);
        const encoding = res.headers["content-encoding"];
        resolve({ encoding, text: (encoding === "gzip" ? gunzipSync(raw) : raw).toString("utf8") });
      });
    });
    req.on("error", reject);
    req.end();
  });
}

describe("rendered public pages reused while nothing public changes", () => {
  it("serves a page again with a fresh CSP nonce in the header and every script tag", async () => {
    const first = await page("/organizations/PC-001");
    const second = await page("/organizations/PC-001");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.nonce).toBeTruthy();
    expect(second.nonce).not.toBe(first.nonce);
    const nonces = [...second.html.matchAll(/nonce="([^"]+)"/g)].map((match) => match[1]);
    expect(nonces.length).toBeGreaterThan(0);
    expect(new Set(nonces)).toEqual(new Set([second.nonce]));
    expect(second.html).not.toContain(first.nonce);
    expect(second.html).toContain("Chi bộ Khu phố Bộ nhớ đệm");
  });

  it("shows a comment a moderator publishes on the very next request", async () => {
    const body = "Chi bộ đã sửa đường cho khu phố, bà con rất đồng tình.";
    expect((await page("/organizations/PC-001")).html).not.toContain(body);
    const { id } = await createPendingFeedback({ ...org, body });
    await decideFeedback({ id, decision: "approve", moderator });
    expect((await page("/organizations/PC-001")).html).toContain(body);
  });

  it("never answers a browser in brotli, and the gzip it sends decodes to the whole page", async () => {
    const { encoding, text } = await fetchAsBrowser("/organizations/PC-001");
    expect(encoding).toBe("gzip");
    expect(text).toContain("Chi bộ Khu phố Bộ nhớ đệm");
    expect(text).not.toContain("\u0000");
  });
});
