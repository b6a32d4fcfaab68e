/** A column heading: plain text, or a numeric column's (right-aligned like the numbers below it). */
export type Heading = string | { label: string; numeric: true };

export function numeric(label: string): Heading {
  return { label, numeric: true };
}

/**
 * A data table that scrolls sideways on narrow screens, with its caption and column headings; rows come as
 * children (first cell a `<th scope="row">` where a row has a name), a total row as `foot`.
 */
export function DataTable({
  caption,
  headers,
  foot,
  children,
}: {
  caption: string;
  headers: Heading[];
  foot?: React.ReactNode;
  children: React.ReactNode;
}) {
  return (
    // Focusable, so a keyboard can scroll a table wider than the screen (axe: scrollable-region-focusable).
    <div className="table-scroll" tabIndex={0} role="region" aria-label={caption}>
      <table>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {headers.map((header, index) =>
              typeof header === "string" ? (
                <th key={index} scope="col">
                  {header}
                </th>
              ) : (
                <th key={index} scope="col" className="num">
                  {header.label}
                </th>
              ),
            )}
          </tr>
        </thead>
        <tbody>{children}</tbody>
        {foot ? <tfoot>{foot}</tfoot> : null}
      </table>
    </div>
  );
}
