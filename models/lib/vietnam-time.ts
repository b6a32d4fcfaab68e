// Pure and browser-safe: the one place that knows the province's clock.

/** Vietnam keeps UTC+7 all year (no daylight saving), so an offset is exact and cheaper than a time-zone lookup. */
export const VIETNAM_TIME_ZONE = "Asia/Ho_Chi_Minh";
const OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD, Vietnam time) an instant falls on. */
export function vietnamDay(at: Date): string {
  return new Date(at.getTime() + OFFSET_MS).toISOString().slice(0, 10);
}

/** Midnight in Vietnam that starts a YYYY-MM-DD day; `nextDay` gives the exclusive end of that day. */
export function vietnamMidnight(day: string, nextDay = false): Date {
  const start = Date.parse(`${day}T00:00:00Z`) - OFFSET_MS;
  return new Date(nextDay ? start + DAY_MS : start);
}

/** An instant as a datetime-local input shows it ("YYYY-MM-DDTHH:mm", Vietnam time). */
export function toVietnamLocalInput(at: Date | string): string {
  return new Date(new Date(at).getTime() + OFFSET_MS).toISOString().slice(0, 16);
}

/** The instant a datetime-local value ("YYYY-MM-DDTHH:mm") names in Vietnam time; NaN date when malformed. */
export function fromVietnamLocalInput(value: string): Date {
  return new Date(Date.parse(`${value}:00Z`) - OFFSET_MS);
}

type Lang = "vi" | "en";
/** How much of an instant to print: a long date, a calendar day, a date with its time, or a compact stamp. */
export type TimeStyle = "date" | "day" | "dateTime" | "stamp";

const STYLES: Record<TimeStyle, Intl.DateTimeFormatOptions> = {
  date: { dateStyle: "long" },
  day: { dateStyle: "medium" },
  dateTime: { dateStyle: "long", timeStyle: "short" },
  stamp: { dateStyle: "short", timeStyle: "short" },
};

/** Intl formatters are costly to build (they dominated a page's server render): one per language and style. */
const formatters = new Map<string, Intl.DateTimeFormat>();

/** An instant in Vietnam time, worded for the reader's language ("5 tháng 3, 2026" / "5 March 2026"). */
export function formatVietnamTime(at: Date | string, lang: string, style: TimeStyle = "date"): string {
  const language: Lang = lang === "en" ? "en" : "vi";
  const key = `${language}:${style}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(language === "en" ? "en-GB" : "vi-VN", { ...STYLES[style], timeZone: VIETNAM_TIME_ZONE });
    formatters.set(key, formatter);
  }
  return formatter.format(typeof at === "string" ? new Date(at) : at);
}

/** A YYYY-MM-DD Vietnam calendar day, worded for the reader (chart axes). */
export function formatVietnamDay(day: string, lang: string): string {
  return formatVietnamTime(vietnamMidnight(day), lang, "day");
}
