import { useTranslation } from "react-i18next";
import { formatVietnamDay, formatVietnamTime } from "../../models/lib/vietnam-time";

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
  return {
    lang,
    label: (label: LocalizedLabel) => label[lang],
    percent: (fraction: number) => percent.format(fraction),
    number: (value: number) => integer.format(value),
    date: (iso: string) => formatVietnamTime(iso, lang, "date"),
    /** A date with its time of day, for events residents and staff need to place in a day. */
    dateTime: (iso: string) => formatVietnamTime(iso, lang, "dateTime"),
    /** A compact stamp for dense staff tables. */
    stamp: (iso: string) => formatVietnamTime(iso, lang, "stamp"),
    /** A chart's calendar day (YYYY-MM-DD, Vietnam time): "5 thg 3, 2012" / "5 Mar 2012". */
    day: (isoDay: string) => formatVietnamDay(isoDay, lang),
  };
}

const built = new Map<Lang, ReturnType<typeof formattersFor>>();

/**
 * Locale-aware formatting for the current language: "79,13%" in Vietnamese, "79.13%" in English.
 * Dates use the province's time zone (models/lib/vietnam-time) so the server and the browser print the same day.
 */
export function useLocaleFormat() {
  const { i18n } = useTranslation();
  const lang: Lang = i18n.language === "en" ? "en" : "vi";
  let formatters = built.get(lang);
  if (!formatters) built.set(lang, (formatters = formattersFor(lang)));
  return formatters;
}
