import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";

describe("environment", () => {
  it("defaults to the embedded database, port 3000 and hCaptcha", () => {
    const env = parseEnv({});
    expect(env.MONGODB_URI).toBeUndefined();
    expect(env.PORT).toBe(3000);
    expect(env.CAPTCHA).toBe("hcaptcha");
    expect(env.DATA_DIR).toBe("./data");
  });

  it("refuses CAPTCHA=off and a missing SESSION_SECRET in production, naming both", () => {
    expect(() => parseEnv({ NODE_ENV: "production", CAPTCHA: "off" })).toThrow(/CAPTCHA=off is refused[\s\S]*SESSION_SECRET/);
  });

  it("accepts a complete production configuration", () => {
    const env = parseEnv({ NODE_ENV: "production", SESSION_SECRET: "x".repeat(32), HCAPTCHA_SITEKEY: "site", HCAPTCHA_SECRET: "secret", MONGODB_URI: "mongodb://db:27017/congkhai" });
    expect(env.CAPTCHA).toBe("hcaptcha");
  });

  it("takes PUBLIC_URL as an origin and refuses one with a path or another scheme", () => {
    expect(parseEnv({ PUBLIC_URL: "https://congkhai.example.vn/" }).PUBLIC_URL).toBe("https://congkhai.example.vn");
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(() => parseEnv({ PUBLIC_URL: "https://example.vn/congkhai" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://example.vn" })).toThrow(/PUBLIC_URL/);
  });

  it("rejects a malformed port", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });
});
