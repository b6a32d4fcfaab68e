import { createCookie } from "@remix-run/node";
import { createInstance, type i18n as I18nInstance } from "i18next";
import { initReactI18next } from "react-i18next";
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
const i18nServer = new RemixI18Next({
  detection: {
    supportedLanguages: ["vi", "en"],
    fallbackLanguage: "vi",
    cookie: localeCookie,
    order: ["searchParams", "cookie", "header"],
  },
  i18next: { ...i18nConfig, resources },
});

type Language = "vi" | "en";

const shared = new Map<Language, Promise<I18nInstance>>();

/**
 * One initialised i18next instance per language, shared by every request: building one per request and per
 * t() (remix-i18next's getFixedT does) cost a measurable share of each page's CPU. Its language never changes.
 */
export function sharedI18n(lng: string): Promise<I18nInstance> {
  const language: Language = lng === "en" ? "en" : "vi";
  let instance = shared.get(language);
  if (!instance) {
    const created = createInstance();
    instance = created
      .use(initReactI18next)
      .init({ ...i18nConfig, lng: language, resources, initImmediate: false })
      .then(() => created);
    shared.set(language, instance);
  }
  return instance;
}

const locales = new WeakMap<Request, Promise<string>>();

/** The request's language, detected once per request (root loader, route loader and render all ask). */
export function requestLocale(request: Request): Promise<string> {
  let locale = locales.get(request);
  if (!locale) locales.set(request, (locale = i18nServer.getLocale(request)));
  return locale;
}
