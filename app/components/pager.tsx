import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

export interface PageLinks {
  nextHref: string | null;
  firstHref: string | null;
}

/**
 * The links of a keyset-paged list at `url`: the same query (blank parameters dropped) with `param` set to the
 * next page's cursor, and without it for the first page (only when this is not the first page already).
 * `hash` brings the reader back to the list when it is not at the top of the page.
 */
export function pageLinks({ url, nextCursor, param = "cursor", hash = "" }: { url: URL; nextCursor: string | null; param?: string; hash?: string }): PageLinks {
  const href = (cursor: string | null) => {
    const params = new URLSearchParams([...url.searchParams].filter(([name, value]) => value !== "" && name !== param));
    if (cursor) params.set(param, cursor);
    const query = params.toString();
    return `${url.pathname}${query ? `?${query}` : ""}${hash}`;
  };
  return { nextHref: nextCursor ? href(nextCursor) : null, firstHref: url.searchParams.get(param) ? href(null) : null };
}

/** Keyset pager: forward only ("next page") plus a way back to the first page; plain links, no JavaScript needed. */
export function Pager({ nextHref, firstHref, label }: PageLinks & { label?: string }) {
  const { t } = useTranslation();
  if (!nextHref && !firstHref) return null;
  return (
    <nav className="pager" aria-label={label ?? t("pagination.label")}>
      {firstHref ? <Link to={firstHref}>{t("pagination.first")}</Link> : null}
      {nextHref ? (
        <Link to={nextHref} rel="next">
          {t("pagination.next")}
        </Link>
      ) : null}
    </nav>
  );
}
