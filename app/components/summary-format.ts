import { useTranslation } from "react-i18next";

/** Percent and number formatting in the page's language ("92,3%" in Vietnamese, "92.3%" in English). */
export function useSummaryFormat() {
  const { i18n } = useTranslation();
  const locale = i18n.language === "en" ? "en-GB" : "vi-VN";
  const percent = new Intl.NumberFormat(locale, { style: "percent", minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const number = new Intl.NumberFormat(locale);
  return {
    percent: (value: number) => percent.format(value),
    number: (value: number) => number.format(value),
    interval: (ci: [number, number]) => `${percent.format(ci[0])} – ${percent.format(ci[1])}`,
  };
}
