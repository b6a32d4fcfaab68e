import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { RowAction } from "~/components/row-action";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { useLocaleFormat } from "~/components/locale-format";
import { ModerationNav, ReasonSelect } from "~/components/moderation-nav";
import { staffListData, StaffListTable } from "~/components/staff-list";
import { fieldErrors, translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { MODERATION_CHOICES } from "~/utils/moderation.server";
import { pageError } from "~/utils/page-error.server";
import {
  HideReplySchema,
  hideReply,
  InvalidCursor,
  listReplies,
  replyFailure,
  restoreReply,
  type ReplyListItem,
} from "~/utils/replies.server";

export const meta: MetaFunction<typeof loader> = ({ data: loaderData }) => [{ title: loaderData?.title ?? "Công Khai" }];

const QuerySchema = z.object({ cursor: z.string().max(200).optional() });
const TargetSchema = z.object({
  evaluation: z.string().regex(/^[0-9a-f]{24}$/, "replies:errors.notFound"),
  intent: z.enum(["hide", "restore"]),
});

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["replies", "common"]);
  const url = new URL(request.url);
  const query = QuerySchema.safeParse({ cursor: url.searchParams.get("cursor") ?? undefined });
  if (!query.success) throw await pageError(request, 400);
  try {
    const page = await listReplies({ cursor: query.data.cursor });
    return {
      ...staffListData({ t, heading: "replies:moderation.title", role: user.role, url, page }),
      reasons: MODERATION_CHOICES.reasons,
    };
  } catch (error) {
    if (error instanceof InvalidCursor) throw await pageError(request, 400);
    throw error;
  }
}

/** Hide (reason required, note optional) or restore one reply; the answer names the reply, so its row shows the outcome. */
export async function action({ request }: ActionFunctionArgs) {
  const moderator = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["replies", "moderation", "common"]);
  const form = Object.fromEntries(await request.formData());
  const target = TargetSchema.safeParse(form);
  if (!target.success) return data({ ok: false, evaluation: "", message: t("replies:errors.notFound") }, { status: 400 });
  const { evaluation, intent } = target.data;
  const hide = intent === "hide" ? HideReplySchema.safeParse({ reason: form.reason, note: form.note || undefined }) : null;
  if (hide && !hide.success)
    return data({ ok: false, evaluation, message: Object.values(fieldErrors(hide.error, t))[0] ?? "" }, { status: 400 });
  try {
    if (hide?.success) await hideReply({ evaluationId: evaluation, moderator, ...hide.data });
    else await restoreReply({ evaluationId: evaluation, moderator });
  } catch (error) {
    const failure = replyFailure(error);
    if (!failure) throw error;
    return data({ ok: false, evaluation, message: t(failure.messageKey) }, { status: failure.status });
  }
  return { ok: true, evaluation, message: t(intent === "hide" ? "replies:moderation.hidden" : "replies:moderation.restored") };
}

function ReplyActions({ item, reasons }: { item: ReplyListItem; reasons: readonly string[] }) {
  const { t } = useTranslation("replies");
  const formId = `hide-${item.evaluationId}`;
  if (item.hidden) {
    return (
      <RowAction
        fields={{ evaluation: item.evaluationId }}
        intent="restore"
        label={t("moderation.restore")}
        ariaLabel={t("moderation.restoreOf", { organization: item.organizationName })}
      />
    );
  }
  return (
    <Form method="post" id={formId} className="stack">
      <input type="hidden" name="evaluation" value={item.evaluationId} />
      <ReasonSelect id={`${formId}-reason`} reasons={reasons} />
      <label htmlFor={`${formId}-note`}>{t("moderation.note")}</label>
      <input id={`${formId}-note`} name="note" maxLength={500} />
      <button type="submit" name="intent" value="hide" aria-label={t("moderation.hideOf", { organization: item.organizationName })}>
        {t("moderation.hide")}
      </button>
    </Form>
  );
}

export default function ModerationReplies() {
  const { t } = useTranslation(["replies", "moderation"]);
  const format = useLocaleFormat();
  const loaded = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  return (
    <section aria-labelledby="replies-title">
      <ModerationNav role={loaded.role} />
      <h1 id="replies-title">{t("moderation.title")}</h1>
      <p className="hint">{t("moderation.intro")}</p>
      {outcome ? (
        <p className={outcome.ok ? "notice success" : "form-error"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      ) : null}
      <StaffListTable
        caption={t("moderation.caption")}
        empty={t("moderation.empty")}
        page={loaded}
        headers={[
          t("moderation.organization"),
          t("moderation.reply"),
          t("moderation.updated"),
          t("moderation.state"),
          t("moderation:audit.action"),
        ]}
      >
        {loaded.items.map((item) => (
          <tr key={item.evaluationId}>
            <th scope="row">
              <a href={`/organizations/${encodeURIComponent(item.organization)}`}>{item.organizationName}</a> ({item.organization},{" "}
              {item.period})
            </th>
            <td>
              <p className="feedback-body">{item.body}</p>
            </td>
            <td>
              <time dateTime={item.updatedAt}>{format.stamp(item.updatedAt)}</time> ({t("moderation.version", { version: item.version })})
            </td>
            <td>
              {item.hidden
                ? t("moderation.hiddenState", {
                    reason: [t(`moderation:reasons.${item.hidden.reason}`), item.hidden.note].filter(Boolean).join(" — "),
                  })
                : t("moderation.shown")}
            </td>
            <td>
              <ReplyActions item={item} reasons={loaded.reasons} />
            </td>
          </tr>
        ))}
      </StaffListTable>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
