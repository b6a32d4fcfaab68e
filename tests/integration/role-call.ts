import type { ActionFunctionArgs } from "@remix-run/node";

/** A loader or action as the role tables call it. */
export type Handler = (args: ActionFunctionArgs) => unknown;
export interface Outcome {
  status: number;
  location: string | null;
}

const context = { cspNonce: "", requestId: "t", clientKey: "k" };

/** Status (and Location) of whatever a loader or action returned or threw: Response, data() value or plain object. */
function statusOf(value: unknown): Outcome {
  if (value instanceof Response) return { status: value.status, location: value.headers.get("Location") };
  const init = (value as { init?: { status?: number } | null } | null)?.init;
  return { status: init?.status ?? 200, location: null };
}

/** Calls `handler` as the holder of `cookie` (none: anonymous) would, with a form or a JSON body. */
export async function callAs(
  handler: Handler,
  cookie: string | undefined,
  path: string,
  init: { method?: string; form?: Record<string, string>; json?: unknown; params?: Record<string, string> } = {},
): Promise<Outcome> {
  const headers = new Headers(cookie ? { Cookie: cookie } : {});
  let body: BodyInit | undefined;
  if (init.form) body = new URLSearchParams(init.form);
  if (init.json) {
    body = JSON.stringify(init.json);
    headers.set("Content-Type", "application/json");
  }
  const request = new Request(new URL(path, "http://localhost"), { method: init.method ?? "GET", headers, body });
  try {
    return statusOf(await handler({ request, params: init.params ?? {}, context }));
  } catch (thrown) {
    if (thrown instanceof Error) throw thrown;
    return statusOf(thrown);
  }
}
