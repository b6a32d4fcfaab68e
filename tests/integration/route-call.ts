import type { LoaderFunctionArgs } from "@remix-run/node";

type Loader = (args: LoaderFunctionArgs) => unknown;

/** Calls a route loader the way Remix does: a Request, the route params and our load context. */
export function callLoader<L extends Loader>(loader: L, url: string, params: Record<string, string> = {}, headers: HeadersInit = {}) {
  const request = new Request(new URL(url, "http://localhost"), { headers });
  return loader({ request, params, context: { cspNonce: "", requestId: "t", clientKey: "k" } }) as ReturnType<L>;
}

/** What a page loader threw: the status and the data of a `data(..., {status})` error page. */
export async function thrownBy(promise: Promise<unknown>): Promise<{ status: number | undefined; data: unknown }> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Response) return { status: error.status, data: null };
    const value = error as { data?: unknown; init?: { status?: number } | null };
    return { status: value.init?.status, data: value.data };
  }
  throw new Error("expected the loader to throw");
}
