import type { ActionFunctionArgs } from "@remix-run/node";

type Handler = (args: ActionFunctionArgs) => unknown;
const context = { cspNonce: "", requestId: "t", clientKey: "k" };

export interface Outcome {
  status: number;
  location: string | null;
  data: unknown;
  /** The Response itself when the handler answered with one (a CSV download, say), to read its body. */
  response: Response | null;
}

type Wrapped = { type: "DataWithResponseInit"; init?: { status?: number } | null; data?: unknown };

/** A `data(value, {status})` result, which Remix answers like a Response. */
function isDataWithInit(value: unknown): value is Wrapped {
  return (value as { type?: unknown } | null)?.type === "DataWithResponseInit";
}

/** Status, Location and data of whatever a loader or action returned: Response, data() value or plain object. */
function outcomeOf(value: unknown): Outcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location"), data: null, response: value };
  if (isDataWithInit(value)) return { status: value.init?.status ?? 200, location: null, data: value.data, response: null };
  return { status: 200, location: null, data: value, response: null };
}

/** Calls an admin route handler as a browser with `cookie` would: GET, or POST of a form (urlencoded or multipart). */
export async function callRoute(
  handler: Handler,
  path: string,
  { cookie, form, params = {} }: { cookie?: string; form?: Record<string, string> | FormData; params?: Record<string, string> } = {},
): Promise<Outcome> {
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  const body = form instanceof FormData ? form : form ? new URLSearchParams(form) : undefined;
  const request = new Request(new URL(path, "http://localhost"), { method: body ? "POST" : "GET", headers, body });
  try {
    return outcomeOf(await handler({ request, params, context }));
  } catch (thrown) {
    // A thrown Response or data() is an answer (redirect, 403, 404); anything else is a crash and fails the test.
    if (thrown instanceof Response || isDataWithInit(thrown)) return outcomeOf(thrown);
    throw thrown;
  }
}
