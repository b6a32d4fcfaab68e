import { randomBytes } from "node:crypto";
import { action as feedbackAction } from "../../app/routes/api.v1.feedback";
import { Evaluation } from "../../models/catalog/evaluation.server";
import { Feedback } from "../../models/feedback/feedback.server";

/** A fresh keyed client address, so one test's posts never count against another's rate limit. */
export function newClientKey(): string {
  return randomBytes(8).toString("hex");
}

/** POST /api/v1/feedback the way Remix calls it; `body` is sent as JSON unless it is already a string. */
export async function postFeedback(body: unknown, options: { clientKey?: string; headers?: Record<string, string> } = {}) {
  const request = new Request("http://localhost/api/v1/feedback", {
    method: "POST",
    headers: { "content-type": "application/json", "accept-language": "en", ...options.headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await feedbackAction({
    request,
    params: {},
    context: { cspNonce: "", requestId: "t", clientKey: options.clientKey ?? newClientKey() },
  });
  const text = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    text,
    json: JSON.parse(text) as Record<string, unknown> & { error?: { code: string; message: string; fields?: Record<string, string> } },
  };
}

export async function pendingCount(evaluationId: string): Promise<number> {
  const doc = await Evaluation.findById(evaluationId, { counters: 1 }).lean();
  return doc?.counters.pending ?? -1;
}

export function storedCount(evaluationId: string): Promise<number> {
  return Feedback.countDocuments({ evaluation: evaluationId });
}
