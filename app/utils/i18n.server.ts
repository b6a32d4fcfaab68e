import { createCookie } from "@remix-run/node";
import { RemixI18Next } from "remix-i18next/server";
import { resources } from "../../locales";
import { i18nConfig } from "~/i18n";
import { env } from "./env.server";

export const localeCookie = createCookie("lng", {
  path: "/",
  sameSite: "lax",
  httpOnly: true,
  secure: env().NODE_ENV === "production",
  maxAge: 60 * 60 * 24 * 365,
});

/** Language of a request: `?lng`, then the `lng` cookie, then Accept-Language, then Vietnamese. */
export const i18nServer = new RemixI18Next({
  detection: { supportedLanguages: ["vi", "en"], fallbackLanguage: "vi", cookie: localeCookie, order: ["searchParams", "cookie", "header"] },
  i18next: { ...i18nConfig, resources },
});
