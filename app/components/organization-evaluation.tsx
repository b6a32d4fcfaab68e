import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable, numeric } from "./data-table";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";
import { RatingRevisions, type RatingRevisionItem } from "./rating-revisions";

interface ScaleEntry {
  key: string;
  label: LocalizedLabel;
}

export interface EvaluationView {
  id: string;
  rating: string;
  members: Record<string, number>;
  counters: { agree: number; disagree: number; neutral: number; pending: number };
  summary: string;
  /** Earlier ratings, oldest first (absent or empty: never revised). */
  ratingHistory?: RatingRevisionItem[];
}

export interface EvaluationPeriod {
  code: string;
  title: LocalizedLabel;
  ratingScale: ScaleEntry[];
  memberScale: ScaleEntry[];
}

const STANCES = ["agree", "disagree", "neutral", "pending"] as const;

/** Label of `key` on `scale` in the current language; the raw key for a value the scale does not know. */
function useScaleLabel() {
  const format = useLocaleFormat();
  return (scale: ScaleEntry[], key: string) => {
    const entry = scale.find((e) => e.key === key);
    return entry ? format.label(entry.label) : key;
  };
}

function MemberQualityTable({ evaluation, period }: { evaluation: EvaluationView; period: EvaluationPeriod }) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const scaleLabel = useScaleLabel();
  const keys = [
    ...period.memberScale.map((e) => e.key),
    ...Object.keys(evaluation.members).filter((k) => !period.memberScale.some((e) => e.key === k)),
  ];
  const total = keys.reduce((sum, key) => sum + (evaluation.members[key] ?? 0), 0);
  return (
    <DataTable
      caption={t("detail.memberCaption", { period: format.label(period.title) })}
      headers={[t("table.category"), numeric(t("table.members")), numeric(t("table.share"))]}
    >
      {keys.map((key) => (
        <tr key={key}>
          <th scope="row">{scaleLabel(period.memberScale, key)}</th>
          <td className="num">{format.number(evaluation.members[key] ?? 0)}</td>
          <td className="num">{format.percent(total > 0 ? (evaluation.members[key] ?? 0) / total : 0)}</td>
        </tr>
      ))}
    </DataTable>
  );
}

function CountersTable({ evaluation, period }: { evaluation: EvaluationView; period: EvaluationPeriod }) {
  const { t } = useTranslation(["organizations", "common"]);
  const format = useLocaleFormat();
  return (
    <table className="counters">
      <caption>{t("detail.countersCaption", { period: format.label(period.title) })}</caption>
      <tbody>
        {STANCES.map((stance) => (
          <tr key={stance}>
            <th scope="row">
              <span className={`badge ${stance}`}>{t(`common:stance.${stance}`)}</span>
            </th>
            <td className="num">{format.number(evaluation.counters[stance])}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * One period's rating of the organization: rating, member quality and public counters.
 * `children` is where per-evaluation additions (the feedback form, approved feedback) go.
 */
export function EvaluationSection({
  evaluation,
  period,
  children,
}: {
  evaluation: EvaluationView;
  period: EvaluationPeriod;
  children?: ReactNode;
}) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const scaleLabel = useScaleLabel();
  const headingId = `evaluation-${evaluation.id}`;
  return (
    <section className="evaluation" aria-labelledby={headingId}>
      <h3 id={headingId}>{format.label(period.title)}</h3>
      <p>
        {t("detail.rating")}: <span className="badge rating">{scaleLabel(period.ratingScale, evaluation.rating)}</span>
      </p>
      <RatingRevisions history={evaluation.ratingHistory ?? []} scale={period.ratingScale} />
      {evaluation.summary ? <p>{evaluation.summary}</p> : null}
      <h4>{t("detail.memberQuality")}</h4>
      <MemberQualityTable evaluation={evaluation} period={period} />
      <h4>{t("detail.countersTitle")}</h4>
      <CountersTable evaluation={evaluation} period={period} />
      {children}
    </section>
  );
}
