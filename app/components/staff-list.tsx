import type { TFunction } from "i18next";
import type { ReactNode } from "react";
import { DataTable, type Heading } from "./data-table";
import { pageLinks, Pager, type PageLinks } from "./pager";
import { titled } from "../utils/page-title";

interface ListPage<Item> {
  items: Item[];
  nextCursor: string | null;
}

/**
 * What a staff list page's loader returns besides its own fields: the title (`heading` is a translation
 * key), the viewer's role for the sub-navigation, one keyset page of rows and the pager's links.
 */
export function staffListData<Item>({
  t,
  heading,
  role,
  url,
  page,
}: {
  t: TFunction;
  heading: string;
  role: string;
  url: URL;
  page: ListPage<Item>;
}) {
  return { title: titled(t, t(heading)), role, items: page.items, ...pageLinks({ url, nextCursor: page.nextCursor }) };
}

/** A staff list's table: the page's rows (children), a line saying when there are none, the pager below. */
export function StaffListTable({
  caption,
  headers,
  empty,
  page,
  children,
}: {
  caption: string;
  headers: Heading[];
  empty: string;
  page: { items: unknown[] } & PageLinks;
  children: ReactNode;
}) {
  return (
    <>
      <DataTable caption={caption} headers={headers}>
        {children}
      </DataTable>
      {page.items.length === 0 ? <p>{empty}</p> : null}
      <Pager firstHref={page.firstHref} nextHref={page.nextHref} />
    </>
  );
}
