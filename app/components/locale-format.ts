import { useTranslation } from "react-i18next";

/** A label stored in both languages (scale entries, period titles). */
export interface LocalizedLabel {
  vi: string;
  en: string;
}

type Lang = "vi" | "en";

/** Intl formatters are costly to build (they dominated a page's server render), so each language builds its set once. */
function formattersFor(lang: Lang) {
  const percent = new Intl.NumberFormat(lang, { style: "percent", minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const integer = new Intl.NumberFormat(lang);
  const locale = lang === "vi" ? "vi-VN" : "en-GB";
  const day = new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone: "Asia/Ho_Chi_Minh" });
  const calendarDay = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "Asia/Ho_Chi_Minh" });
  return {
    lang,
    label: (label: LocalizedLabel) => label[lang],
    percent: (fraction: number) => percent.format(fraction),
    number: (value: number) => integer.format(value),
    date: (iso: string) => day.format(new Date(iso)),
    /** A chart's calendar day (YYYY-MM-DD, Vietnam time): "5 thg 3, 2012" / "5 Mar 2012". */
    day: (isoDay: string) => calendarDay.format(new Date(`${isoDay}T00:00:00+07:00`)),
  };
}

const built = new Map<Lang, ReturnType<typeof formattersFor>>();

/**
 * Locale-aware formatting for the current language: "79,13%" in Vietnamese, "79.13%" in English.
 * Dates use the province's time zone so the server and the browser print the same day.
 */
export function useLocaleFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  let formatters = built.get(lang);
  if (!formatters) built.set(lang, (formatters = formattersFor(lang)));
  return formatters;
}
