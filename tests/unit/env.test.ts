import { describe, expect, it } from "vitest";
import { parseEnv } from "../../app/utils/env.server";
import { PRODUCTION_ENV } from "../fixtures/production-env";

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
    const env = parseEnv(PRODUCTION_ENV);
    expect(env.CAPTCHA).toBe("hcaptcha");
  });

  it("takes PUBLIC_URL as an origin and refuses one with a path or another scheme", () => {
    expect(parseEnv({ PUBLIC_URL: "https://congkhai.example.vn/" }).PUBLIC_URL).toBe("https://congkhai.example.vn");
    expect(parseEnv({}).PUBLIC_URL).toBeUndefined();
    expect(() => parseEnv({ PUBLIC_URL: "https://example.vn/congkhai" })).toThrow(/PUBLIC_URL/);
    expect(() => parseEnv({ PUBLIC_URL: "ftp://example.vn" })).toThrow(/PUBLIC_URL/);
  });

  it("requires CONTACT_KEY (32 bytes, base64) with SMTP_URL in production, and takes an empty SMTP_URL as unset", () => {
    const key = Buffer.alloc(32, 7).toString("base64");
    expect(() => parseEnv({ ...PRODUCTION_ENV, SMTP_URL: "smtps://user:pass@mail.example.vn" })).toThrow(
      /CONTACT_KEY \(openssl rand -base64 32\) is required in production when SMTP_URL is set/,
    );
    expect(parseEnv({ ...PRODUCTION_ENV, SMTP_URL: "smtps://user:pass@mail.example.vn", CONTACT_KEY: key })).toMatchObject({
      CONTACT_KEY: key,
      CONTACT_RETENTION_DAYS: 30,
    });
    expect(() => parseEnv({ CONTACT_KEY: "c2hvcnQ=" })).toThrow(/CONTACT_KEY must be 32 random bytes in base64/);
    expect(() => parseEnv({ SMTP_URL: "https://mail.example.vn" })).toThrow(/SMTP_URL must be an smtp/);
    expect(parseEnv({ SMTP_URL: "", CONTACT_KEY: "" })).toMatchObject({ SMTP_URL: undefined, CONTACT_KEY: undefined });
  });

  it("rejects a malformed port", () => {
    expect(() => parseEnv({ PORT: "eighty" })).toThrow(/PORT/);
  });

  describe("production foot-guns", () => {
    it("refuses the embedded database (MONGODB_URI unset) in production with one message naming it", () => {
      expect(() => parseEnv({ ...PRODUCTION_ENV, MONGODB_URI: undefined })).toThrow(
        "Invalid environment:\n  MONGODB_URI: MONGODB_URI is required when NODE_ENV=production",
      );
    });

    it("never seeds demo data by default in production, and refuses SEED_ON_START=true there", () => {
      expect(parseEnv(PRODUCTION_ENV).SEED_ON_START).toBe("false");
      expect(parseEnv({}).SEED_ON_START).toBe("true");
      expect(parseEnv({ NODE_ENV: "test", SEED_ON_START: "false" }).SEED_ON_START).toBe("false");
      expect(parseEnv({ ...PRODUCTION_ENV, SEED_ON_START: "false" }).SEED_ON_START).toBe("false");
      expect(() => parseEnv({ ...PRODUCTION_ENV, SEED_ON_START: "true" })).toThrow(
        /SEED_ON_START=true is refused when NODE_ENV=production/,
      );
    });

    it("refuses CAPTCHA=off in production even when everything else is right", () => {
      expect(() => parseEnv({ ...PRODUCTION_ENV, CAPTCHA: "off" })).toThrow(
        "Invalid environment:\n  CAPTCHA: CAPTCHA=off is refused when NODE_ENV=production",
      );
    });
  });
});
