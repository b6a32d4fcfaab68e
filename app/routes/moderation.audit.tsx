import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/components/data-table";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { InputFilter, SelectFilter } from "~/components/filter-fields";
import { ModerationNav } from "~/components/moderation-nav";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { AUDIT_ACTIONS, auditPage } from "~/utils/moderation.server";
import { useLocaleFormat } from "~/components/locale-format";
import { pageError } from "~/utils/page-error.server";
import { pageTitle } from "~/components/page-meta";
import { pageLinks, Pager } from "~/components/pager";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  const url = new URL(request.url);
  const page = await auditPage(url.searchParams, user);
  if (!page.ok) throw await pageError(request, 400);
  return {
    title: `${t("moderation:audit.title")} — ${t("common:app.name")}`,
    role: user.role,
    everyone: user.role === "admin",
    filters: page.filters,
    items: page.items,
    actions: AUDIT_ACTIONS,
    ...pageLinks({ url, nextCursor: page.nextCursor }),
  };
}

/** Before/after states as short "key: value" text; they never hold contacts or addresses. */
function describeState(state: unknown): string {
  if (!state || typeof state !== "object") return "";
  return Object.entries(state as Record<string, unknown>)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) => `${key}: ${typeof value === "object" ? JSON.stringify(value) : String(value)}`)
    .join("; ");
}

function AuditFilters({
  filters,
  actions,
}: {
  filters: { action: string; target: string; from: string; to: string };
  actions: readonly string[];
}) {
  const { t } = useTranslation("moderation");
  return (
    <Form method="get" className="filters audit-filters" aria-label={t("filters.label")}>
      <SelectFilter
        id="a-action"
        name="action"
        label={t("audit.action")}
        value={filters.action}
        all={t("filters.any")}
        options={actions.map((action) => ({ value: action, label: t(`audit.actions.${action}`) }))}
      />
      <InputFilter id="a-target" name="target" label={t("audit.target")} value={filters.target} />
      <InputFilter id="a-from" name="from" label={t("audit.from")} value={filters.from} type="date" />
      <InputFilter id="a-to" name="to" label={t("audit.to")} value={filters.to} type="date" />
      <div>
        <button type="submit">{t("filters.submit")}</button>
      </div>
    </Form>
  );
}

export default function AuditTrail() {
  const { t } = useTranslation("moderation");
  const format = useLocaleFormat();
  const loaded = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <ModerationNav role={loaded.role} />
      <h1 id="audit-title">{t("audit.title")}</h1>
      <p className="hint">{loaded.everyone ? t("audit.scopeAll") : t("audit.scopeOwn")}</p>
      <AuditFilters filters={loaded.filters} actions={loaded.actions} />
      <DataTable
        caption={t("audit.caption")}
        headers={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.target"), t("audit.why"), t("audit.change")]}
      >
        {loaded.items.map((event) => (
          <tr key={event.id}>
            <td>
              <time dateTime={event.at}>{format.stamp(event.at)}</time>
            </td>
            <td>{event.actorEmail ?? "—"}</td>
            <td>{t(`audit.actions.${event.action}`, { defaultValue: event.action })}</td>
            <td>
              {event.targetType} {event.targetId}
            </td>
            <td>{[event.reason ? t(`reasons.${event.reason}`) : "", event.note ?? ""].filter(Boolean).join(" — ")}</td>
            <td>
              {describeState(event.before)} → {describeState(event.after)}
            </td>
          </tr>
        ))}
      </DataTable>
      {loaded.items.length === 0 ? <p>{t("audit.empty")}</p> : null}
      <Pager firstHref={loaded.firstHref} nextHref={loaded.nextHref} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
