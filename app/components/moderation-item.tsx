import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { QueueItem } from "../../models/moderation/moderation-queue.server";
import { ReasonSelect } from "./moderation-nav";
import { useLocaleFormat } from "./locale-format";

interface ItemProps {
  item: QueueItem;
  reasons: readonly string[];
  isAdmin: boolean;
  /** The result of the last action on this item, shown beside it. */
  outcome?: { ok: boolean; message: string; fields?: Record<string, string> } | null;
}

function ItemContext({ item }: { item: QueueItem }) {
  const { t, i18n } = useTranslation("moderation");
  const context = item.context;
  if (!context) return null;
  const rating = context.ratingLabel ? context.ratingLabel[i18n.language === "en" ? "en" : "vi"] : context.rating;
  return (
    <p className="moderation-context">
      <a href={`/organizations/${encodeURIComponent(context.orgCode)}`}>{context.orgName}</a> · {context.district} ·{" "}
      {t("item.period", { period: context.period })} · <span className="badge rating">{rating}</span>
      <br />
      <span className="hint">{t("item.counters", { ...context.counters })}</span>
    </p>
  );
}

function Flags({ flags }: { flags: QueueItem["flags"] }) {
  const { t } = useTranslation("moderation");
  if (flags.length === 0) return <p className="hint">{t("item.noFlags")}</p>;
  return (
    <ul className="moderation-flags" aria-label={t("item.flags")}>
      {flags.map((flag, index) => (
        <li key={`${flag.kind}-${index}`}>
          {t(`flags.${flag.kind}`, { detail: flag.detail, defaultValue: `${flag.kind}: ${flag.detail}` })}
        </li>
      ))}
    </ul>
  );
}

function DecideForms({ item, reasons }: { item: QueueItem; reasons: readonly string[] }) {
  const { t } = useTranslation("moderation");
  return (
    <div className="moderation-actions">
      <Form method="post">
        <input type="hidden" name="intent" value="approve" />
        <input type="hidden" name="ids" value={item.id} />
        <button type="submit" data-shortcut="approve">
          {t("actions.approve")}
        </button>
      </Form>
      <Form method="post" className="moderation-reject">
        <input type="hidden" name="intent" value="reject" />
        <input type="hidden" name="ids" value={item.id} />
        <ReasonSelect id={`reason-${item.id}`} reasons={reasons} />
        <label htmlFor={`note-${item.id}`}>{t("note.label")}</label>
        <input id={`note-${item.id}`} name="note" type="text" maxLength={500} />
        <button type="submit" className="secondary" data-shortcut="reject">
          {t("actions.reject")}
        </button>
      </Form>
    </div>
  );
}

function ReverseForm({ item, reasons }: { item: QueueItem; reasons: readonly string[] }) {
  const { t } = useTranslation("moderation");
  const to = item.status === "approved" ? "rejected" : "approved";
  return (
    <Form method="post" className="moderation-reverse">
      <input type="hidden" name="intent" value="reverse" />
      <input type="hidden" name="id" value={item.id} />
      <input type="hidden" name="to" value={to} />
      {to === "rejected" ? <ReasonSelect id={`reverse-reason-${item.id}`} reasons={reasons} /> : null}
      <label htmlFor={`reverse-note-${item.id}`}>{t("reverse.note")}</label>
      <input id={`reverse-note-${item.id}`} name="note" type="text" required minLength={3} maxLength={500} />
      <button type="submit" className="secondary">
        {t(`reverse.to.${to}`)}
      </button>
    </Form>
  );
}

function RedactForm({ item }: { item: QueueItem }) {
  const { t } = useTranslation("moderation");
  return (
    <details className="moderation-redact">
      <summary>{t("redact.summary")}</summary>
      <Form method="post">
        <input type="hidden" name="intent" value="redact" />
        <input type="hidden" name="id" value={item.id} />
        <label htmlFor={`redact-${item.id}`}>{t("redact.label")}</label>
        <textarea id={`redact-${item.id}`} name="publicBody" defaultValue={item.publicBody} maxLength={2000} required />
        <button type="submit" className="secondary">
          {t("redact.submit")}
        </button>
      </Form>
    </details>
  );
}

/** Why a published comment is back: its author asked for removal, or readers reported it (how many, and why). */
function FollowUpNotice({ followUp }: { followUp: NonNullable<QueueItem["followUp"]> }) {
  const { t } = useTranslation("moderation");
  const reasons = Object.entries(followUp.reports?.reasons ?? {}).filter(([, n]) => n > 0);
  return (
    <div className="notice warning moderation-follow-up">
      <p>
        <strong>{t(`followUp.kind.${followUp.kind}`, { count: followUp.reports?.count ?? 0 })}</strong>
      </p>
      {reasons.length > 0 ? (
        <ul aria-label={t("followUp.reasons")}>
          {reasons.map(([reason, n]) => (
            <li key={reason}>
              {t("followUp.reasonCount", { count: n, reason: t(`feedback:report.reasons.${reason}`, { defaultValue: reason }) })}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

/** Keep (publish again) or remove a comment back for review; one form per choice, no JavaScript needed. */
function FollowUpForms({ item }: { item: QueueItem }) {
  const { t } = useTranslation("moderation");
  return (
    <div className="moderation-actions">
      {(["keep", "remove"] as const).map((intent) => (
        <Form method="post" key={intent}>
          <input type="hidden" name="intent" value={intent} />
          <input type="hidden" name="id" value={item.id} />
          <label htmlFor={`${intent}-note-${item.id}`}>{t("note.label")}</label>
          <input id={`${intent}-note-${item.id}`} name="note" type="text" maxLength={500} />
          <button type="submit" className={intent === "remove" ? "secondary" : undefined}>
            {t(`followUp.actions.${intent}`)}
          </button>
        </Form>
      ))}
    </div>
  );
}

/** One feedback item with everything needed to judge it: flags explained, evaluation context, original and published text. */
export function ModerationItem({ item, reasons, isAdmin, outcome }: ItemProps) {
  const { t } = useTranslation("moderation");
  const format = useLocaleFormat();
  const pending = item.status === "pending";
  return (
    <article className="moderation-item" tabIndex={-1} data-moderation-item aria-labelledby={`item-${item.id}`}>
      {pending ? (
        <div className="checkbox moderation-select">
          <input type="checkbox" name="ids" value={item.id} form="bulk-form" id={`select-${item.id}`} />
          <label htmlFor={`select-${item.id}`}>{t("bulk.select", { code: item.trackingCode })}</label>
        </div>
      ) : null}
      <h2 id={`item-${item.id}`} className="moderation-item-title">
        <span className={`badge ${item.stance}`}>{t(`common:stance.${item.stance}`)}</span> {item.trackingCode}{" "}
        <time dateTime={item.createdAt} className="hint">
          {format.stamp(item.createdAt)}
        </time>
      </h2>
      <ItemContext item={item} />
      {item.followUp ? <FollowUpNotice followUp={item.followUp} /> : null}
      <Flags flags={item.flags} />
      {item.wave ? <p className="hint">{t("wave.member", { count: item.wave.size })}</p> : null}
      <p className="hint">{t("item.original")}</p>
      <blockquote className="moderation-body">
        <bdi>{item.body}</bdi>
      </blockquote>
      {item.publicBody !== item.body ? (
        <>
          <p className="hint">{t("item.published")}</p>
          <blockquote className="moderation-body">
            <bdi>{item.publicBody}</bdi>
          </blockquote>
        </>
      ) : null}
      {item.decision && !pending ? (
        <p>
          {t(`item.decided.${item.status}`, {
            reason: item.decision.reason ? t(`reasons.${item.decision.reason}`) : "",
            note: item.decision.note ?? "",
          })}
        </p>
      ) : null}
      {outcome ? (
        <p className={outcome.ok ? "notice success" : "form-error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message} {Object.values(outcome.fields ?? {}).join(" ")}
        </p>
      ) : null}
      {pending ? <DecideForms item={item} reasons={reasons} /> : null}
      {item.followUp ? <FollowUpForms item={item} /> : null}
      {!pending && !item.followUp && isAdmin ? <ReverseForm item={item} reasons={reasons} /> : null}
      {item.status !== "rejected" ? <RedactForm item={item} /> : null}
    </article>
  );
}
