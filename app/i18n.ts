import { NAMESPACES } from "../locales/languages";

/** i18next options shared by the server and the browser. */
export const i18nConfig = {
  supportedLngs: ["vi", "en"],
  fallbackLng: "vi",
  defaultNS: "common",
  ns: [...NAMESPACES],
  interpolation: { escapeValue: false }, // React escapes
  react: { useSuspense: false },
};
