import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

/** Keyset pager: forward only ("next page") plus a way back to the first page; plain links, no JavaScript needed. */
export function Pager({ nextHref, firstHref }: { nextHref: string | null; firstHref: string | null }) {
  const { t } = useTranslation();
  const { t: tList } = useTranslation("organizations");
  if (!nextHref && !firstHref) return null;
  return (
    <nav className="pager" aria-label={tList("list.pagerLabel")}>
      {firstHref ? <Link to={firstHref}>{t("pagination.first")}</Link> : null}
      {nextHref ? (
        <Link to={nextHref} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
