import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { pageTitle } from "~/components/page-meta";
import { pageError } from "~/utils/page-error.server";

/** Any path no other route claims: a real 404 status with the translated not-found page. */
export async function loader({ request }: LoaderFunctionArgs): Promise<never> {
  throw await pageError(request, 404);
}

export const meta: MetaFunction<typeof loader> = pageTitle;

// Never rendered (the loader always throws); a component makes this a page route, so the error boundary renders HTML.
export default function NotFound() {
  return null;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
