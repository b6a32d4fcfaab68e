import { catalogSnapshot } from "../catalog/catalog-cache.server";
import type { Label } from "../catalog/period.server";
import type { Agreement } from "../lib/wilson";
import { yearOverYear } from "./summary-committee";
import { summaryRows } from "./summary-rows";

/** One period of an organization's year-over-year line: its current rating and residents' approved views. */
export interface PeriodAgreement extends Agreement {
  period: string;
  title: Label;
  rating: string;
  ratingLabel: Label;
  agree: number;
  disagree: number;
  neutral: number;
  /** Views taking a side (agree + disagree): what the agreement rate counts. */
  sides: number;
}

/**
 * Agreement with an organization's ratings, one entry per published period, oldest first: the committee
 * dashboard's year-over-year computation (summaryRows by organization, then yearOverYear) applied to this
 * organization's rows of the catalog in memory. No database read beyond the snapshot.
 */
export async function organizationAgreementByPeriod({ code }: { code: string }): Promise<PeriodAgreement[]> {
  const snapshot = await catalogSnapshot();
  const organization = snapshot.organizations.get(code);
  const rows = organization ? (snapshot.rowsByOrganization.get(organization.id) ?? []) : [];
  const periods = snapshot.periods
    .filter((p) => rows.some((row) => row.period === p.code))
    .sort((a, b) => a.year - b.year || a.code.localeCompare(b.code));
  const byPeriod = periods.map((period) => ({
    period,
    rows: summaryRows(
      rows.filter((row) => row.period === period.code),
      "organization",
      // Rows grouped by organization are labelled by its name in either language.
      { lang: "vi", ratingScale: period.ratingScale, periodCode: period.code, periodTitle: period.title },
    ),
  }));
  const trend = yearOverYear(byPeriod.map(({ period, rows: summary }) => ({ code: period.code, rows: summary })))[0];
  return byPeriod.flatMap(({ period, rows: [row] }) => {
    const stated = trend?.periods[period.code];
    const evaluation = rows.find((candidate) => candidate.period === period.code);
    if (!row || !stated || !evaluation) return [];
    const scaleEntry = period.ratingScale.find((entry) => entry.key === evaluation.rating);
    return [
      {
        period: period.code,
        title: period.title,
        rating: evaluation.rating,
        ratingLabel: scaleEntry?.label ?? { vi: evaluation.rating, en: evaluation.rating },
        agree: row.agree,
        disagree: row.disagree,
        neutral: row.neutral,
        sides: stated.sides,
        agreementRate: stated.agreementRate,
        ci95: stated.ci95,
      },
    ];
  });
}
