import { createCookie } from "@remix-run/node";
import { describe, expect, it, vi } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { readSessionId, sessionCookie } from "../../app/utils/session.server";

const NEW_SECRET = "the-new-session-secret-2026";
const OLD_SECRET = "the-old-session-secret-2025";

// Rotating: the new secret first, the old one still listed. Set before the environment is parsed.
vi.hoisted(() => {
  process.env.SESSION_SECRET = "the-new-session-secret-2026, the-old-session-secret-2025";
});

/** A session cookie as signed by a server configured with `secrets` only. */
const signedWith = (secrets: string[]) => createCookie("__session", { secrets });
const cookieHeader = (setCookie: string) => setCookie.split(";")[0]!;

describe("rotating SESSION_SECRET (new,old)", () => {
  it("still accepts a session signed with the old secret, so nobody is signed out", async () => {
    const issuedBeforeRotation = await signedWith([OLD_SECRET]).serialize("session-before");
    const request = new Request("http://localhost/moderation", { headers: { cookie: cookieHeader(issuedBeforeRotation) } });
    expect(await readSessionId(request)).toBe("session-before");
  });

  it("signs new sessions with the new secret only, so the old one can be dropped later", async () => {
    const header = cookieHeader(await sessionCookie.serialize("session-after"));
    expect(await signedWith([NEW_SECRET]).parse(header)).toBe("session-after");
    expect(await signedWith([OLD_SECRET]).parse(header)).toBeNull();
  });

  it("refuses a cookie signed with a secret that is not listed", async () => {
    const forged = await signedWith(["someone-elses-secret-value"]).serialize("session-forged");
    expect(await readSessionId(new Request("http://localhost/", { headers: { cookie: cookieHeader(forged) } }))).toBeNull();
  });

  it("wants 16+ characters in every secret of the list, naming SESSION_SECRET", () => {
    const production = {
      NODE_ENV: "production",
      HCAPTCHA_SITEKEY: "site",
      HCAPTCHA_SECRET: "secret",
      MONGODB_URI: "mongodb://db:27017/congkhai",
    };
    expect(parseEnv({ ...production, SESSION_SECRET: `${NEW_SECRET},${OLD_SECRET}` }).SESSION_SECRET).toBe(`${NEW_SECRET},${OLD_SECRET}`);
    expect(() => parseEnv({ ...production, SESSION_SECRET: `${NEW_SECRET},short` })).toThrow(/SESSION_SECRET needs 16\+ characters/);
    expect(() => parseEnv({ ...production, SESSION_SECRET: " , " })).toThrow(/SESSION_SECRET/);
  });
});
