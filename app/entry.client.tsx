import { RemixBrowser } from "@remix-run/react";
import i18next from "i18next";
import { startTransition, StrictMode } from "react";
import { hydrateRoot } from "react-dom/client";
import { I18nextProvider, initReactI18next } from "react-i18next";
import { isLanguage, type Language } from "../locales/languages";
import { i18nConfig } from "./i18n";

/** Only the page's language is downloaded: half the strings for a resident on a slow network. */
async function loadStrings(lng: Language) {
  return lng === "en" ? (await import("../locales/en")).en : (await import("../locales/vi")).vi;
}

async function hydrate() {
  const lang = document.documentElement.lang;
  const lng: Language = isLanguage(lang) ? lang : "vi";
  await i18next.use(initReactI18next).init({ ...i18nConfig, lng, resources: { [lng]: await loadStrings(lng) } });
  startTransition(() => {
    hydrateRoot(
      document,
      <I18nextProvider i18n={i18next}>
        <StrictMode>
          <RemixBrowser />
        </StrictMode>
      </I18nextProvider>,
    );
  });
}

void hydrate();
