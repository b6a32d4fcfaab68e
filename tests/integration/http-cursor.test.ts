import { beforeAll, describe, expect, it } from "vitest";
import { createPeriod, createRatedOrganization } from "../fixtures/catalog";
import { createStaff } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");
const ID = "0123456789abcdef01234567";

/** Well-formed cursors (base64url JSON with a key and an id) whose key has the wrong type for the list. */
const WRONG_FOR_DATES = { "a word": cursor({ k: "abc", id: ID }), "a number": cursor({ k: 5, id: ID }) };
const WRONG_FOR_STRINGS = { "a number": cursor({ k: 5, id: ID }), "an object": cursor({ k: { $gt: "" }, id: ID }) };

let adminCookie = "";

beforeAll(async () => {
  await createPeriod({ code: "2011" });
  await createRatedOrganization({ code: "BH-001", name: "Chi bộ Khu phố 1", period: "2011" });
  adminCookie = (await createStaff("admin")).cookie;
});

const cases: [string, Record<string, string>][] = [
  ["/organizations?cursor=", WRONG_FOR_STRINGS],
  ["/api/v1/organizations?period=2011&cursor=", WRONG_FOR_STRINGS],
  ["/admin/users?cursor=", WRONG_FOR_STRINGS],
  ["/admin/organizations?cursor=", WRONG_FOR_STRINGS],
  ["/moderation?cursor=", WRONG_FOR_DATES],
  ["/api/v1/moderation/queue?cursor=", WRONG_FOR_DATES],
  ["/moderation/audit?cursor=", WRONG_FOR_DATES],
  ["/organizations/BH-001?feedbackCursor=", { "a word": cursor({ s: "abc" }), "a keyset cursor": cursor({ k: "abc", id: ID }) }],
];

describe("cursors with the wrong types", () => {
  const isApi = ([path]: [string, Record<string, string>]) => path.startsWith("/api/");
  for (const [path, wrong] of cases.filter((c) => !isApi(c))) {
    it.each(Object.entries(wrong))(`${path}<key of %s> answers 400, not 500 or a silently ignored cursor`, async (_kind, value) => {
      const res = await fetch(http.url(`${path}${value}`), { headers: { cookie: adminCookie } });
      expect(res.status).toBe(400);
    });
  }
  for (const [path, wrong] of cases.filter(isApi)) {
    it.each(Object.entries(wrong))(`${path}<key of %s> answers a JSON 400 that names the cursor`, async (_kind, value) => {
      const res = await fetch(http.url(`${path}${value}`), { headers: { cookie: adminCookie } });
      expect(res.status).toBe(400);
      const body = (await res.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
      expect(body.error.fields?.cursor ?? body.error.message).toMatch(/cursor|trang/i);
    });
  }

  it("still follows a cursor the list itself handed out", async () => {
    await createRatedOrganization({ code: "BH-002", name: "Chi bộ Khu phố 2", period: "2011" });
    const first = (await (await fetch(http.url("/api/v1/organizations?period=2011&limit=1"))).json()) as { nextCursor: string };
    const next = await fetch(http.url(`/api/v1/organizations?period=2011&limit=1&cursor=${first.nextCursor}`));
    expect(next.status).toBe(200);
    expect(((await next.json()) as { items: { code: string }[] }).items.map((item) => item.code)).toEqual(["BH-002"]);
  });
});
