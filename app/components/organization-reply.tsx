import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { OwnReply, ReplyView } from "../../models/replies/replies.server";
import type { ReplyPanel } from "~/utils/replies.server";
import { useLocaleFormat } from "./locale-format";

interface ReplyFormResult {
  reply?: { evaluation: string; message: string; body: string };
}

/** The organization's official reply, set apart from residents' views and labelled as such, with its date. */
export function OfficialReply({ evaluationId, reply }: { evaluationId: string; reply: ReplyView }) {
  const { t } = useTranslation("replies");
  const format = useLocaleFormat();
  return (
    <aside className="official-reply" aria-labelledby={`reply-title-${evaluationId}`}>
      <h3 id={`reply-title-${evaluationId}`}>{t("title")}</h3>
      <p className="official-reply-meta">
        {t("updated")} <time dateTime={reply.updatedAt}>{format.dateTime(reply.updatedAt)}</time>
      </p>
      <p className="feedback-body">
        <bdi>{reply.body}</bdi>
      </p>
    </aside>
  );
}

/** The organization account's form: publish or edit its one reply to this evaluation (a real form; posts and redirects). */
export function ReplyForm({ evaluationId, own, saved }: { evaluationId: string; own: OwnReply | undefined; saved: boolean }) {
  const { t } = useTranslation(["replies", "moderation"]);
  const result = useActionData() as ReplyFormResult | undefined;
  const error = result?.reply?.evaluation === evaluationId ? result.reply : null;
  const fieldId = `reply-body-${evaluationId}`;
  return (
    <section className="reply-form" id={`reply-${evaluationId}`} aria-labelledby={`reply-form-title-${evaluationId}`}>
      <h3 id={`reply-form-title-${evaluationId}`}>{t(own ? "form.editTitle" : "form.title")}</h3>
      {saved && own ? (
        <p className="notice success" role="status">
          {t("form.saved")}
        </p>
      ) : null}
      {own?.hiddenReason ? (
        <p className="notice warning">
          {t("form.hidden", { reason: t(`moderation:transparency.reasons.${own.hiddenReason}`, { defaultValue: own.hiddenReason }) })}
        </p>
      ) : null}
      <Form method="post" className="stack" preventScrollReset>
        <input type="hidden" name="intent" value="reply" />
        <input type="hidden" name="evaluation" value={evaluationId} />
        <label htmlFor={fieldId}>{t("form.body")}</label>
        <p className="hint" id={`${fieldId}-hint`}>
          {t("form.hint")}
        </p>
        <textarea
          id={fieldId}
          name="body"
          rows={6}
          maxLength={2000}
          required
          defaultValue={error ? error.body : (own?.body ?? "")}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${fieldId}-hint ${fieldId}-error` : `${fieldId}-hint`}
        />
        {error ? (
          <p className="field-error" id={`${fieldId}-error`} role="alert">
            {error.message}
          </p>
        ) : null}
        <button type="submit">{t(own ? "form.update" : "form.publish")}</button>
      </Form>
    </section>
  );
}

/** The transparency line's part for replies: "The organization's official reply was hidden by moderators: 1 spam." Nothing when none is hidden. */
export function HiddenReplyTransparency({ hidden }: { hidden: Record<string, number> | undefined }) {
  const { t } = useTranslation(["replies", "moderation"]);
  const parts = Object.entries(hidden ?? {}).filter(([, count]) => count > 0);
  const total = parts.reduce((sum, [, count]) => sum + count, 0);
  if (total === 0) return null;
  const detail = parts
    .map(([reason, count]) =>
      t("moderation:transparency.part", { count, reason: t(`moderation:transparency.reasons.${reason}`, { defaultValue: reason }) }),
    )
    .join(", ");
  return <p className="transparency-line">{t("replies:transparency", { count: total, detail })}</p>;
}

/** Under one evaluation: its official reply, the hidden-reply count, and the form for the organization's own account. */
export function EvaluationReply({ evaluationId, panel }: { evaluationId: string; panel: ReplyPanel }) {
  const reply = panel.replies[evaluationId];
  return (
    <>
      {reply ? <OfficialReply evaluationId={evaluationId} reply={reply} /> : null}
      <HiddenReplyTransparency hidden={panel.hidden[evaluationId]} />
      {panel.canReply ? <ReplyForm evaluationId={evaluationId} own={panel.own[evaluationId]} saved={panel.saved} /> : null}
    </>
  );
}
