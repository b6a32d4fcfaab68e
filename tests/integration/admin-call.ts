import type { ActionFunctionArgs } from "@remix-run/node";

type Handler = (args: ActionFunctionArgs) => unknown;
const context = { cspNonce: "", requestId: "t", clientKey: "k" };

export interface Outcome {
  status: number;
  location: string | null;
  data: unknown;
}

/** Status, Location and data of whatever a loader or action returned or threw: Response, data() value or plain object. */
function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: null };
  const wrapped = value as { type?: string; init?: { status?: number } | null; data?: unknown } | null;
  if (wrapped?.type === "DataWithResponseInit") return { status: wrapped.init?.status ?? 200, location: null, data: wrapped.data };
  return { status: 200, location: null, data: value };
}

/** Calls an admin route handler as a browser with `cookie` would: GET, or POST of a form (urlencoded or multipart). */
export async function callRoute(
  handler: Handler,
  path: string,
  { cookie, form, params = {} }: { cookie?: string; form?: Record<string, string> | FormData; params?: Record<string, string> } = {}
): Promise<Outcome> {
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  const body = form instanceof FormData ? form : form ? new URLSearchParams(form) : undefined;
  const request = new Request(new URL(path, "http://localhost"), { method: body ? "POST" : "GET", headers, body });
  try {
    return outcomeOf(await handler({ request, params, context }));
  } catch (thrown) {
    return outcomeOf(thrown);
  }
}
