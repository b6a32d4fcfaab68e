import { useTranslation } from "react-i18next";
import { useLocaleFormat, type LocalizedLabel } from "./locale-format";

export interface RatingRevisionItem {
  from: string;
  to: string;
  revisedAt: string;
  note: string;
}

/** Label of a rating key on the period's scale; the key itself for one the scale does not know. */
export function useRatingLabel() {
  const format = useLocaleFormat();
  return (scale: readonly { key: string; label: LocalizedLabel }[], key: string) => {
    const entry = scale.find((candidate) => candidate.key === key);
    return entry ? format.label(entry.label) : key;
  };
}

/** "Revised on <date> after public consultation", old and new rating, for each change of an evaluation's rating. */
export function RatingRevisions({
  history,
  scale,
}: {
  history: readonly RatingRevisionItem[];
  scale: readonly { key: string; label: LocalizedLabel }[];
}) {
  const { t } = useTranslation("organizations");
  const format = useLocaleFormat();
  const ratingLabel = useRatingLabel();
  if (history.length === 0) return null;
  return (
    <ul className="rating-revisions">
      {history.map((revision) => (
        <li key={revision.revisedAt}>
          {t("revision.revised", {
            date: format.date(revision.revisedAt),
            from: ratingLabel(scale, revision.from),
            to: ratingLabel(scale, revision.to),
          })}
          {revision.note ? <> {t("revision.note", { note: revision.note })}</> : null}
        </li>
      ))}
    </ul>
  );
}
