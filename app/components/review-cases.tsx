import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { ReviewNumbers } from "../../models/review/review-rules";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";

export interface CaseComment {
  id: string;
  body: string;
  displayName: string | null;
  proposedRating: string | null;
  createdAt: string;
}

export interface CaseItem {
  id: string;
  organization: string;
  organizationName: string;
  rating: string;
  currentRating: string;
  status: "open" | "under-review" | "decided";
  reason: "disagreement" | "proposals";
  openedAt: string;
  current: ReviewNumbers;
  comments: CaseComment[];
}

/** Rating labels by key, in both languages or already in the page's language. */
export type RatingLabels = Record<string, LocalizedLabel | string>;

/** A rating key as its label in the page's language (the key itself when the scale lacks it). */
export function useRatingLabel(labels: RatingLabels) {
  const format = useLocaleFormat();
  return (key: string) => {
    const label = labels[key];
    if (label === undefined) return key;
    return typeof label === "string" ? label : format.label(label);
  };
}

export function caseHref(id: string): string {
  return `/committee/reviews/${encodeURIComponent(id)}`;
}

/** "Disagreement share at least 61.20% (95% bound), 40 sides taken; 12 of 30 stated ratings differ." */
export function CaseNumbersLine({ numbers }: { numbers: ReviewNumbers }) {
  const { t } = useTranslation("reviews");
  const format = useLocaleFormat();
  return (
    <p className="case-numbers">
      {numbers.disagreementLow === null
        ? t("numbers.noSides")
        : t("numbers.disagreement", {
            low: format.percent(numbers.disagreementLow),
            sides: format.number(numbers.sides),
            disagree: format.number(numbers.disagree),
          })}{" "}
      {t("numbers.proposals", { differing: format.number(numbers.differing), stated: format.number(numbers.stated) })}
    </p>
  );
}

/** Published comments disagreeing with the rating: the ones that count for the case. */
export function CaseComments({ comments, labels, open = false }: { comments: CaseComment[]; labels: RatingLabels; open?: boolean }) {
  const { t } = useTranslation("reviews");
  const format = useLocaleFormat();
  const rating = useRatingLabel(labels);
  if (comments.length === 0) return <p className="hint">{t("comments.none")}</p>;
  return (
    <details className="case-comments" open={open}>
      <summary>{t("comments.summary", { count: comments.length })}</summary>
      <ul>
        {comments.map((comment) => (
          <li key={comment.id}>
            <blockquote>
              <bdi>{comment.body}</bdi>
            </blockquote>
            <p className="hint">
              {comment.displayName ? <bdi>{comment.displayName}</bdi> : t("comments.anonymous")} · {format.date(comment.createdAt)}
              {comment.proposedRating ? ` · ${t("comments.proposed", { rating: rating(comment.proposedRating) })}` : ""}
            </p>
          </li>
        ))}
      </ul>
    </details>
  );
}

/** Unresolved cases, ranked by the lower bound of the disagreement share (highest first). */
export function CaseList({ cases, labels }: { cases: CaseItem[]; labels: RatingLabels }) {
  const { t } = useTranslation("reviews");
  const format = useLocaleFormat();
  const rating = useRatingLabel(labels);
  if (cases.length === 0) return <p>{t("list.empty")}</p>;
  return (
    <ol className="case-list">
      {cases.map((item) => (
        <li key={item.id}>
          <h3>
            <Link to={caseHref(item.id)}>
              {item.organizationName} ({item.organization})
            </Link>
          </h3>
          <p>
            {t(`status.${item.status}`)} · {t(`reason.${item.reason}`)} · {t("list.rating", { rating: rating(item.currentRating) })} ·{" "}
            {t("list.openedAt", { date: format.date(item.openedAt) })}
          </p>
          <CaseNumbersLine numbers={item.current} />
          <CaseComments comments={item.comments} labels={labels} />
        </li>
      ))}
    </ol>
  );
}
