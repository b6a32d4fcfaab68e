import { useTranslation } from "react-i18next";
import type { PublicFeedback } from "~/utils/feedback.server";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";
import { Pager } from "./pager";
import { ratingGivenOn, type RatingVersions } from "../../models/lib/rating-versions";

export interface FeedbackListProps {
  items: PublicFeedback[];
  /** Rating labels per period code, to name a disagreeing resident's proposal. */
  scales: Record<string, { key: string; label: LocalizedLabel }[]>;
  nextHref: string | null;
  firstHref: string | null;
  /** Each period's rating versions: a comment given on an earlier rating says which. */
  ratings?: Record<string, RatingVersions>;
}

/**
 * Approved views, newest first. Everything is rendered as text (React escapes it), so markup in a
 * name or a comment shows as typed and never runs; personal data arrive already masked. Residents'
 * words sit in <bdi>, so right-to-left text in them cannot turn the page's own words around.
 */
export function FeedbackList({ items, scales, nextHref, firstHref, ratings = {} }: FeedbackListProps) {
  const { t } = useTranslation("feedback");
  const { t: tOrg } = useTranslation("organizations");
  const { t: tc } = useTranslation("common");
  const format = useLocaleFormat();
  const ratingLabel = (period: string, key: string) => {
    const entry = scales[period]?.find((candidate) => candidate.key === key);
    return entry ? format.label(entry.label) : key;
  };
  return (
    <section aria-labelledby="approved-feedback-title" id="approved-feedback">
      <h2 id="approved-feedback-title">{t("list.title")}</h2>
      {items.length === 0 ? <p>{t("list.empty")}</p> : null}
      <ol className="feedback-list">
        {items.map((item) => (
          <li key={item.id}>
            <p className="meta">
              <span className={`badge ${item.stance}`}>{tc(`stance.${item.stance}`)}</span>{" "}
              <strong className="author">{item.displayName ? <bdi>{item.displayName}</bdi> : t("list.anonymous")}</strong>
              {item.isResident ? <span className="badge resident"> {t("list.resident")}</span> : null} ·{" "}
              {t("list.period", { period: item.period })} · <time dateTime={item.createdAt}>{format.date(item.createdAt)}</time>
            </p>
            <EarlierRating
              item={item}
              versions={ratings[item.period]}
              label={(key) => tOrg("revision.givenOn", { rating: ratingLabel(item.period, key) })}
            />
            {item.stance === "disagree" && item.proposedRating ? (
              <p className="proposed">{t("list.proposed", { rating: ratingLabel(item.period, item.proposedRating) })}</p>
            ) : null}
            <blockquote>
              <bdi>{item.body}</bdi>
            </blockquote>
            <p className="report-link">
              <a href={`/comments/${encodeURIComponent(item.id)}/report`} rel="nofollow">
                {t("report.link")}
              </a>
            </p>
          </li>
        ))}
      </ol>
      <Pager nextHref={nextHref} firstHref={firstHref} label={t("list.pagerLabel")} />
    </section>
  );
}

/** "Given on the earlier rating …" when the evaluation was revised after this comment. */
function EarlierRating({
  item,
  versions,
  label,
}: {
  item: PublicFeedback;
  versions: RatingVersions | undefined;
  label: (key: string) => string;
}) {
  if (!versions) return null;
  const given = ratingGivenOn(item, versions);
  return given === versions.rating ? null : <p className="rating-given">{label(given)}</p>;
}
