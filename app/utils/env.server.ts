import { z } from "zod";
import { parseTrustProxy } from "./client-address.server";

/** An empty variable (`SMTP_URL=` in a unit file) means unset. */
function blankAsUnset<T extends z.ZodTypeAny>(schema: T) {
  return z.preprocess((value) => (value === "" ? undefined : value), schema);
}

function isBase64Key(value: string): boolean {
  return /^[A-Za-z0-9+/]{43}=$/.test(value) && Buffer.from(value, "base64").length === 32;
}

/** "new,old" → ["new", "old"]: a list of secrets while one replaces another. */
function splitSecrets(value: string): string[] {
  return value
    .split(",")
    .map((secret) => secret.trim())
    .filter(Boolean);
}

/** CONTACT_KEY_PREVIOUS only opens: it needs the CONTACT_KEY that seals, and must not repeat it. Checked everywhere, not only in production. */
function refuseContactKeyMixUps(env: { CONTACT_KEY?: string; CONTACT_KEY_PREVIOUS?: string[] }, ctx: z.RefinementCtx): void {
  if (!env.CONTACT_KEY_PREVIOUS) return;
  const current = env.CONTACT_KEY;
  if (!current) {
    ctx.addIssue({
      code: "custom",
      path: ["CONTACT_KEY_PREVIOUS"],
      message: "CONTACT_KEY_PREVIOUS is refused without CONTACT_KEY: the retired keys only open old addresses, CONTACT_KEY seals new ones",
    });
  } else if (env.CONTACT_KEY_PREVIOUS.some((key) => Buffer.from(key, "base64").equals(Buffer.from(current, "base64")))) {
    ctx.addIssue({
      code: "custom",
      path: ["CONTACT_KEY_PREVIOUS"],
      message: "CONTACT_KEY_PREVIOUS repeats CONTACT_KEY: list only the keys CONTACT_KEY replaced",
    });
  }
}

/** Every environment variable the app or a script reads, parsed once. Nothing else reads process.env. */
const EnvSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    MONGODB_URI: z.string().url().optional(),
    DATA_DIR: z.string().min(1).default("./data"),
    /** One secret, or several separated by commas while rotating: the first signs, every one verifies. */
    SESSION_SECRET: z
      .string()
      .refine(
        (value) => splitSecrets(value).length > 0 && splitSecrets(value).every((secret) => secret.length >= 16),
        "SESSION_SECRET needs 16+ characters (each of a comma-separated list)",
      )
      .optional(),
    CAPTCHA: z.enum(["hcaptcha", "off"]).default("hcaptcha"),
    HCAPTCHA_SITEKEY: z.string().optional(),
    HCAPTCHA_SECRET: z.string().optional(),
    HCAPTCHA_VERIFY_URL: z.string().url().default("https://api.hcaptcha.com/siteverify"),
    /** Seed demo data when the database is empty (npm start); tests turn it off. Default: true, false in production (where true is refused). */
    SEED_ON_START: z.enum(["true", "false"]).optional(),
    LOG_LEVEL: z.enum(["info", "warn", "error", "silent"]).default("info"),
    /** Proxies in front of the app: a hop count or a comma-separated CIDR list; unset trusts no X-Forwarded-For (loopback outside production). */
    TRUST_PROXY: z
      .string()
      .optional()
      .transform((value, ctx) => {
        if (value === undefined || value.trim() === "") return undefined;
        const parsed = parseTrustProxy(value);
        if (!parsed)
          ctx.addIssue({
            code: "custom",
            message: "TRUST_PROXY must be a hop count (1) or a comma-separated list of addresses or CIDR ranges (10.0.0.0/8, ::1)",
          });
        return parsed ?? undefined;
      }),
    /** Mail to residents about their comments (smtp:// or smtps://, credentials in the URL); unset: no mail, and no contact is kept. */
    SMTP_URL: blankAsUnset(
      z
        .string()
        .url()
        .refine((value) => /^smtps?:$/.test(new URL(value).protocol), "SMTP_URL must be an smtp:// or smtps:// URL")
        .optional(),
    ),
    /** The From of those messages; unset: no-reply@ the PUBLIC_URL host (or localhost). */
    SMTP_FROM: blankAsUnset(z.string().min(3).optional()),
    /** Encrypts residents' e-mail addresses at rest: 32 random bytes in base64 (openssl rand -base64 32). */
    CONTACT_KEY: blankAsUnset(
      z.string().refine(isBase64Key, "CONTACT_KEY must be 32 random bytes in base64 (openssl rand -base64 32)").optional(),
    ),
    /** Keys CONTACT_KEY replaced, comma-separated: they only open addresses sealed before a rotation (decision 024). */
    CONTACT_KEY_PREVIOUS: blankAsUnset(
      z
        .string()
        .refine(
          (value) => splitSecrets(value).length > 0 && splitSecrets(value).every(isBase64Key),
          "CONTACT_KEY_PREVIOUS must be one or more comma-separated keys of 32 random bytes in base64 (the CONTACT_KEY values replaced)",
        )
        .transform(splitSecrets)
        .optional(),
    ),
    /** Days an e-mail address waits for its comment's decision before it is deleted unused. */
    CONTACT_RETENTION_DAYS: z.coerce.number().int().min(1).max(365).default(30),
    /** The site's public address (https://congkhai.example.vn) for canonical links, Open Graph and the sitemap; unset: each request's own origin. */
    PUBLIC_URL: z
      .string()
      .url()
      .refine(
        (value) => /^https?:$/.test(new URL(value).protocol) && ["", "/"].includes(new URL(value).pathname),
        "PUBLIC_URL must be an http(s) origin without a path",
      )
      .transform((value) => new URL(value).origin)
      .optional(),
  })
  .superRefine(refuseContactKeyMixUps)
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== "production") return;
    if (!env.MONGODB_URI) {
      ctx.addIssue({
        code: "custom",
        path: ["MONGODB_URI"],
        message:
          "MONGODB_URI is required when NODE_ENV=production: the embedded database (MONGODB_URI unset) has no authentication and serves development, tests and the demo only",
      });
    }
    if (env.SEED_ON_START === "true") {
      ctx.addIssue({
        code: "custom",
        path: ["SEED_ON_START"],
        message: "SEED_ON_START=true is refused when NODE_ENV=production: the demo data would publish made-up organizations and ratings",
      });
    }
    if (env.CAPTCHA === "off") {
      ctx.addIssue({ code: "custom", path: ["CAPTCHA"], message: "CAPTCHA=off is refused when NODE_ENV=production" });
    }
    if (!env.SESSION_SECRET) {
      ctx.addIssue({ code: "custom", path: ["SESSION_SECRET"], message: "SESSION_SECRET (16+ characters) is required in production" });
    }
    if (env.SMTP_URL && !env.CONTACT_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["CONTACT_KEY"],
        message:
          "CONTACT_KEY (openssl rand -base64 32) is required in production when SMTP_URL is set: it encrypts residents' e-mail addresses",
      });
    }
    if (env.CAPTCHA === "hcaptcha" && (!env.HCAPTCHA_SECRET || !env.HCAPTCHA_SITEKEY)) {
      ctx.addIssue({
        code: "custom",
        path: ["HCAPTCHA_SECRET"],
        message: "HCAPTCHA_SITEKEY and HCAPTCHA_SECRET are required in production",
      });
    }
  })
  .transform((env) => ({ ...env, SEED_ON_START: env.SEED_ON_START ?? (env.NODE_ENV === "production" ? "false" : "true") }));

export type Env = z.infer<typeof EnvSchema>;

export function parseEnv(source: Record<string, string | undefined>): Env {
  const result = EnvSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

let cached: Env | undefined;

/** The parsed environment; throws once, clearly, at start-up when it is invalid. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/**
 * The session secrets, newest first: cookies are signed with the first and accepted when any one verifies them,
 * so SESSION_SECRET=new,old rotates without signing anyone out. Development-only fallback so `npm start` works on
 * a fresh clone; production requires SESSION_SECRET.
 */
export function sessionSecrets(): string[] {
  const configured = env().SESSION_SECRET;
  return configured ? splitSecrets(configured) : ["development-only-secret-not-for-production"];
}

/** The current (first) session secret, which also keys the client-address hash. */
export function sessionSecret(): string {
  return sessionSecrets()[0]!;
}
