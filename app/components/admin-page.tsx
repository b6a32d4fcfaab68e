import type { ReactNode } from "react";
import { Link } from "@remix-run/react";
import { AdminNav } from "./admin-nav";

/**
 * The frame of every admin page: the admin menu and the heading, then what a page has of a lead paragraph,
 * a "new …" button link and a success notice, then the page itself.
 */
export function AdminPage({
  title,
  lead,
  create,
  notice,
  children,
}: {
  title: string;
  lead?: string;
  create?: { to: string; label: string };
  notice?: string | null;
  children: ReactNode;
}) {
  return (
    <>
      <AdminNav />
      <h1>{title}</h1>
      {lead ? <p className="lead">{lead}</p> : null}
      {create ? (
        <p>
          <Link className="button" to={create.to}>
            {create.label}
          </Link>
        </p>
      ) : null}
      {notice ? (
        <p className="notice success" role="status">
          {notice}
        </p>
      ) : null}
      {children}
    </>
  );
}
