import { data } from "@remix-run/node";
import type { TFunction } from "i18next";
import type { SessionUser } from "../../models/accounts/auth.server";
import { AlreadyDecided, decideFeedback, redactFeedback, reverseDecision } from "../../models/moderation/moderation.server";
import { DecisionSchema, IdsSchema, RedactionSchema, ReversalSchema, WaveSchema } from "../../models/moderation/moderation-input.server";
import { fieldErrors } from "./api.server";
import { requireRole } from "./auth.server";
import { moderationFailure } from "./moderation.server";
import { followUpRefusal, resolveFollowUp } from "./follow-up.server";
import { recordWaveDecision, waveMembersAmong } from "../../models/feedback/campaign-wave.server";
import { FollowUpDecisionSchema } from "../../models/feedback/report-input";

export interface ModerationOutcome {
  ok: boolean;
  message: string;
  /** The item a per-item form was about, so its errors show beside it. */
  id?: string;
  fields?: Record<string, string>;
}

function reply(outcome: ModerationOutcome, status = 200) {
  return data(outcome, { status });
}

/** One translated reply for an expected failure; anything unexpected is rethrown to the 500 page. */
function failed(error: unknown, t: TFunction, id?: string) {
  const failure = moderationFailure(error);
  if (!failure) throw error;
  return reply({ ok: false, id, message: t(failure.messageKey) }, failure.status);
}

/** Approve or reject every selected item, one at a time; reports how many were decided and how many someone else had decided. */
async function decideMany(form: FormData, intent: "approve" | "reject", user: SessionUser, t: TFunction) {
  const ids = IdsSchema.safeParse(form.getAll("ids"));
  if (!ids.success) return reply({ ok: false, message: t("moderation:errors.noSelection") }, 400);
  const single = ids.data.length === 1 ? ids.data[0] : undefined;
  const parsed = DecisionSchema.safeParse({
    decision: intent,
    reason: form.get("reason") || undefined,
    note: form.get("note") || undefined,
  });
  if (!parsed.success)
    return reply({ ok: false, id: single, message: t("moderation:errors.invalidDecision"), fields: fieldErrors(parsed.error, t) }, 400);
  // A campaign wave decided together: only its listed members, each through the per-item path below.
  const wave = WaveSchema.safeParse(form.get("wave") || undefined);
  const members = wave.success && wave.data ? await waveMembersAmong({ wave: wave.data, ids: ids.data }) : ids.data;
  if (!wave.success || !members || members.length === 0) return reply({ ok: false, message: t("moderation:errors.waveInvalid") }, 400);
  let decided = 0;
  let conflicts = 0;
  for (const id of members) {
    try {
      await decideFeedback({ id, ...parsed.data, moderator: user });
      decided++;
    } catch (error) {
      if (!(error instanceof AlreadyDecided)) return failed(error, t, single);
      conflicts++;
    }
  }
  if (wave.data)
    await recordWaveDecision({
      wave: wave.data,
      decision: intent,
      reason: parsed.data.reason,
      note: parsed.data.note,
      moderator: user,
      ids: members,
      decided,
      alreadyDecided: conflicts,
    });
  const parts = [t(`moderation:outcome.${intent}`, { count: decided })];
  if (conflicts > 0) parts.push(t("moderation:outcome.alreadyDecided", { count: conflicts }));
  return reply({ ok: decided > 0, id: single, message: parts.join(" ") }, decided === 0 ? 409 : 200);
}

async function redact(form: FormData, user: SessionUser, t: TFunction) {
  const id = String(form.get("id") ?? "");
  const parsed = RedactionSchema.safeParse({ publicBody: form.get("publicBody") });
  if (!parsed.success)
    return reply({ ok: false, id, message: t("moderation:errors.invalidRedaction"), fields: fieldErrors(parsed.error, t) }, 400);
  try {
    await redactFeedback({ id, publicBody: parsed.data.publicBody, moderator: user });
    return reply({ ok: true, id, message: t("moderation:outcome.redacted") });
  } catch (error) {
    return failed(error, t, id);
  }
}

async function reverse(request: Request, form: FormData, t: TFunction) {
  const admin = await requireRole(request, "admin");
  const id = String(form.get("id") ?? "");
  const parsed = ReversalSchema.safeParse({ to: form.get("to"), reason: form.get("reason") || undefined, note: form.get("note") ?? "" });
  if (!parsed.success)
    return reply({ ok: false, id, message: t("moderation:errors.invalidReversal"), fields: fieldErrors(parsed.error, t) }, 400);
  try {
    const state = await reverseDecision({ id, ...parsed.data, admin });
    return reply({ ok: true, id, message: t(`moderation:outcome.reversed.${state.status}`) });
  } catch (error) {
    return failed(error, t, id);
  }
}

/** Keep (publish again) or remove a comment back for review after a removal request or readers' reports. */
async function resolve(form: FormData, intent: "keep" | "remove", user: SessionUser, t: TFunction) {
  const id = String(form.get("id") ?? "");
  const parsed = FollowUpDecisionSchema.safeParse({ decision: intent, note: form.get("note") || undefined });
  if (!parsed.success)
    return reply({ ok: false, id, message: t("moderation:errors.invalidDecision"), fields: fieldErrors(parsed.error, t) }, 400);
  try {
    await resolveFollowUp({ id, decision: intent, note: parsed.data.note || undefined, moderator: user });
    return reply({ ok: true, id, message: t(`moderation:followUp.outcome.${intent}`) });
  } catch (error) {
    const refusal = followUpRefusal(error, t);
    if (!refusal) throw error;
    return reply(
      { ok: false, id, message: refusal.code === "already_decided" ? t("moderation:errors.alreadyDecided") : refusal.message },
      refusal.status,
    );
  }
}

/** The /moderation form actions: intent = approve | reject (one or many ids), redact, reverse (admins only), keep | remove (follow-up). */
export async function moderationAction(request: Request, user: SessionUser, t: TFunction) {
  const form = await request.formData();
  const intent = form.get("intent");
  if (intent === "approve" || intent === "reject") return decideMany(form, intent, user, t);
  if (intent === "redact") return redact(form, user, t);
  if (intent === "reverse") return reverse(request, form, t);
  if (intent === "keep" || intent === "remove") return resolve(form, intent, user, t);
  return reply({ ok: false, message: t("common:errors.badRequest.body") }, 400);
}
