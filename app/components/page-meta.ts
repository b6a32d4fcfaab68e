import type { MetaDescriptor } from "@remix-run/react";
import { isRouteErrorResponse } from "@remix-run/react";

function titleOf(source: unknown): string | undefined {
  if (source && typeof source === "object" && "title" in source && typeof source.title === "string") return source.title;
  return undefined;
}

/**
 * `<title>` from the loader's translated `title`, or from the `title` a thrown error page carries
 * (see pageError), so 404 and 400 pages are titled in the visitor's language too.
 */
export function pageTitle({ data, error }: { data: unknown; error?: unknown }): MetaDescriptor[] {
  const title = titleOf(data) ?? (isRouteErrorResponse(error) ? titleOf(error.data) : undefined);
  return [{ title: title ?? "Công Khai" }];
}
