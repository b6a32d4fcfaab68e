import { data, redirect, type ActionFunctionArgs } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { SessionUser } from "../../models/accounts/auth.server";
import { EvaluationIdSchema, ReplyInputSchema } from "../../models/replies/reply-input.server";
import {
  NotYourOrganization,
  publicReplies,
  publicReplyViews,
  repliesFor,
  ReplyConflict,
  ReplyNotFound,
  replyTarget,
  saveReply,
  type OwnReply,
  type ReplyView,
} from "../../models/replies/replies.server";
import { apiError, fieldErrors, jsonResponse, translatorFor } from "./api.server";
import { requireUser } from "./auth.server";
import { feedbackPageAction } from "./feedback.server";
import { getOptionalUser } from "./session.server";

// The app's door to the replies models: route modules import this *.server file so mongoose never reaches the browser.
export { hideReply, restoreReply, type ReplyView } from "../../models/replies/replies.server";
export { listReplies, type ReplyListItem } from "../../models/replies/reply-list.server";
export { HideReplySchema } from "../../models/replies/reply-input.server";
export { InvalidCursor } from "../../models/db/cursor";

/** Status, stable code and translation key for the expected refusals; null for anything else. */
export function replyFailure(error: unknown): { status: 403 | 404 | 409; code: string; messageKey: string } | null {
  if (error instanceof NotYourOrganization) return { status: 403, code: "forbidden", messageKey: "replies:errors.forbidden" };
  if (error instanceof ReplyNotFound) return { status: 404, code: "not_found", messageKey: "replies:errors.notFound" };
  if (error instanceof ReplyConflict) return { status: 409, code: "conflict", messageKey: "replies:errors.conflict" };
  return null;
}

async function readJson(request: Request): Promise<unknown> {
  try {
    return await request.json();
  } catch {
    return undefined;
  }
}

/** PUT /api/v1/evaluations/:id/reply {body}: the signed-in organization account's reply → 200 {body, updatedAt}. */
export async function replyApiAction({ request, params }: ActionFunctionArgs): Promise<Response> {
  const account = await requireUser(request);
  const t = await translatorFor(request, ["replies", "common"]);
  if (request.method !== "PUT")
    return apiError(405, "method_not_allowed", t("replies:errors.methodNotAllowed"), undefined, { Allow: "PUT" });
  const evaluationId = EvaluationIdSchema.safeParse(params.id);
  try {
    if (!evaluationId.success) throw new ReplyNotFound();
    await replyTarget({ evaluationId: evaluationId.data, account });
    const body = await readJson(request);
    if (body === undefined) return apiError(400, "invalid_json", t("replies:errors.invalidJson"));
    const parsed = ReplyInputSchema.safeParse(body);
    if (!parsed.success) return apiError(400, "invalid_input", t("replies:errors.invalidInput"), fieldErrors(parsed.error, t));
    return jsonResponse(await saveReply({ evaluationId: evaluationId.data, body: parsed.data.body, account }));
  } catch (error) {
    const failure = replyFailure(error);
    if (!failure) throw error;
    return apiError(failure.status, failure.code, t(failure.messageKey));
  }
}

/** What the organization page's reply form gets back after a refusal: which evaluation, the message and the text typed. */
export interface ReplyActionData {
  reply: { evaluation: string; message: string; body: string };
}

async function replyFormAction(request: Request, form: FormData, t: TFunction) {
  const account = await requireUser(request);
  const evaluation = String(form.get("evaluation") ?? "");
  const typed = typeof form.get("body") === "string" ? String(form.get("body")) : "";
  const refuse = (message: string, status: number) => data<ReplyActionData>({ reply: { evaluation, message, body: typed } }, { status });
  const parsed = ReplyInputSchema.safeParse({ body: typed });
  try {
    const evaluationId = EvaluationIdSchema.safeParse(evaluation);
    if (!evaluationId.success) throw new ReplyNotFound();
    await replyTarget({ evaluationId: evaluationId.data, account });
    if (!parsed.success) return refuse(Object.values(fieldErrors(parsed.error, t))[0] ?? t("replies:errors.invalidInput"), 400);
    await saveReply({ evaluationId: evaluationId.data, body: parsed.data.body, account });
  } catch (error) {
    const failure = replyFailure(error);
    if (!failure) throw error;
    return refuse(t(failure.messageKey), failure.status);
  }
  const url = new URL(request.url);
  return redirect(`${url.pathname}?reply=saved#reply-${evaluation}`, 303);
}

/** The organization page's action: the official reply form (intent "reply"), else a resident's view. */
export async function organizationPageAction(args: ActionFunctionArgs) {
  const form = await args.request.clone().formData();
  if (form.get("intent") !== "reply") return feedbackPageAction(args);
  const t = await translatorFor(args.request, ["replies", "common"]);
  return replyFormAction(args.request, form, t);
}

/**
 * The replies the organization page shows: the public view of each evaluation's reply, hidden replies per
 * reason for the transparency line, and, for the organization's own account, its texts for the form (even hidden).
 */
export async function replyPanel({
  request,
  organizationCode,
  evaluationIds,
}: {
  request: Request;
  organizationCode: string;
  evaluationIds: string[];
}) {
  const viewer: SessionUser | null = await getOptionalUser(request);
  const canReply = viewer?.role === "organization" && viewer.organization === organizationCode;
  const found = await repliesFor({ evaluationIds });
  const own: Record<string, OwnReply> = canReply ? Object.fromEntries(found) : {};
  return {
    ...publicReplyViews({ found, evaluationIds }),
    canReply,
    own,
    saved: new URL(request.url).searchParams.get("reply") === "saved",
  };
}

export type ReplyPanel = Awaited<ReturnType<typeof replyPanel>>;

/** `evaluations[].reply` of GET /api/v1/organizations/:code: `{body, updatedAt}` or null (none, or hidden). */
export async function apiReplies({ evaluationIds }: { evaluationIds: string[] }): Promise<Record<string, ReplyView | null>> {
  return (await publicReplies({ evaluationIds })).replies;
}
