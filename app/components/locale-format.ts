import { useMemo } from "react";
import { useTranslation } from "react-i18next";

/** A label stored in both languages (scale entries, period titles). */
export interface LocalizedLabel {
  vi: string;
  en: string;
}

/**
 * Locale-aware formatting for the current language: "79,13%" in Vietnamese, "79.13%" in English.
 * Dates use the province's time zone so the server and the browser print the same day.
 */
export function useLocaleFormat() {
  const { i18n } = useTranslation();
  const lang: "vi" | "en" = i18n.language === "en" ? "en" : "vi";
  return useMemo(() => {
    const percent = new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const integer = new Intl.NumberFormat(lang);
    const day = new Intl.DateTimeFormat(lang === "vi" ? "vi-VN" : "en-GB", { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" });
    return {
      lang,
      label: (label: LocalizedLabel) => label[lang],
      percent: (fraction: number) => percent.format(fraction),
      number: (value: number) => integer.format(value),
      date: (iso: string) => day.format(new Date(iso)),
    };
  }, [lang]);
}
