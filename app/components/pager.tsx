import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";

interface PageLinkOptions {
  url: URL;
  nextCursor: string | null;
  query?: Record<string, string | undefined>;
  param?: string;
  hash?: string;
}

export interface PageLinks {
  nextHref: string | null;
  firstHref: string | null;
}

/**
 * The links of a keyset-paged list at `url`: the same query (blank parameters dropped) with `param` set to the
 * next page's cursor, and without it for the first page (only when this is not the first page already).
 * `query` replaces the URL's own parameters when the list pins what it resolved (the period it showed, say).
 * `hash` brings the reader back to the list when it is not at the top of the page.
 */
export function pageLinks({ url, nextCursor, query, param = "cursor", hash = "" }: PageLinkOptions): PageLinks {
  const kept = query ? Object.entries(query).map(([name, value]) => [name, value ?? ""]) : [...url.searchParams];
  const href = (cursor: string | null) => {
    const params = new URLSearchParams(kept.filter(([name, value]) => value !== "" && name !== param));
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
