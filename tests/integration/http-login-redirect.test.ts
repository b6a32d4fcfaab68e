import { beforeAll, describe, expect, it } from "vitest";
import { createStaff, STAFF_PASSWORD } from "../fixtures/moderation";
import { setupTestDatabase } from "./database";
import { setupHttpApp } from "./http-app";

setupTestDatabase();
const http = setupHttpApp();

let staff: { email: string; cookie: string };

beforeAll(async () => {
  staff = await createStaff("moderator");
});

/** Where a browser goes: the Location header resolved against the page's URL, as a browser resolves it. */
const followed = (res: Response) => new URL(res.headers.get("location") ?? "", http.url("/login")).href;

/** The query value as a browser or attacker would put it in the link: percent-escapes and all. */
const HOSTILE = [
  "/%09/evil.example",
  "/%0A/evil.example",
  "/%0D%0A/evil.example",
  "/%00/evil.example",
  "//evil.example",
  "%2F%2Fevil.example",
  "/%2F/evil.example",
  "/%5Cevil.example",
  "/%5C%5Cevil.example",
  "%5C%5Cevil.example",
  "/%09%5C/evil.example",
  "https://evil.example",
  "https:%2F%2Fevil.example",
  "javascript:alert(1)",
  "/%7F/evil.example",
];

async function redirectAfterLogin(rawRedirectTo: string): Promise<string> {
  const res = await fetch(http.url("/login"), {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `email=${encodeURIComponent(staff.email)}&password=${encodeURIComponent(STAFF_PASSWORD)}&redirectTo=${rawRedirectTo}`,
  });
  expect(res.status).toBe(302);
  return followed(res);
}

describe("/login?redirectTo=", () => {
  it.each(HOSTILE)("sends a signed-in visitor of /login?redirectTo=%s to /moderation", async (raw) => {
    const res = await fetch(http.url(`/login?redirectTo=${raw}`), { headers: { cookie: staff.cookie }, redirect: "manual" });
    expect(res.status).toBe(302);
    expect(followed(res)).toBe(http.url("/moderation"));
  });

  it.each(HOSTILE)("after signing in with redirectTo=%s, goes to /moderation", async (raw) => {
    expect(await redirectAfterLogin(raw)).toBe(http.url("/moderation"));
  });

  it("keeps a same-origin path with its query", async () => {
    expect(await redirectAfterLogin(encodeURIComponent("/moderation/audit?action=approve"))).toBe(
      http.url("/moderation/audit?action=approve"),
    );
  });

  it("puts only a safe target into the login form", async () => {
    const html = await (await fetch(http.url("/login?redirectTo=/%09/evil.example"))).text();
    expect(html).toContain('name="redirectTo" value="/moderation"');
  });
});
