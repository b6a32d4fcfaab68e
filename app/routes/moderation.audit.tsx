import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AuditFilters } from "~/components/moderation-filters";
import { ModerationNav } from "~/components/moderation-nav";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { AUDIT_ACTIONS, auditPage } from "~/utils/moderation.server";
import { useLocaleFormat } from "~/components/locale-format";
import { pageError } from "~/utils/page-error.server";
import { pageTitle } from "~/components/page-meta";
import { staffListData, StaffListTable } from "~/components/staff-list";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  const url = new URL(request.url);
  const page = await auditPage(url.searchParams, user);
  if (!page.ok) throw await pageError(request, 400);
  return {
    ...staffListData({ t, heading: "moderation:audit.title", role: user.role, url, page }),
    everyone: user.role === "admin",
    filters: page.filters,
    actions: AUDIT_ACTIONS,
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

type AuditEvent = ReturnType<typeof useLoaderData<typeof loader>>["items"][number];

/** One staff action: when, by whom, what to which record, why, and the state before and after. */
function AuditRow({ event }: { event: AuditEvent }) {
  const { t } = useTranslation("moderation");
  const format = useLocaleFormat();
  return (
    <tr>
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
  );
}

export default function AuditTrail() {
  const { t } = useTranslation("moderation");
  const loaded = useLoaderData<typeof loader>();
  return (
    <section aria-labelledby="audit-title">
      <ModerationNav role={loaded.role} />
      <h1 id="audit-title">{t("audit.title")}</h1>
      <p className="hint">{loaded.everyone ? t("audit.scopeAll") : t("audit.scopeOwn")}</p>
      <AuditFilters filters={loaded.filters} actions={loaded.actions} />
      <StaffListTable
        caption={t("audit.caption")}
        empty={t("audit.empty")}
        page={loaded}
        headers={[t("audit.when"), t("audit.who"), t("audit.action"), t("audit.target"), t("audit.why"), t("audit.change")]}
      >
        {loaded.items.map((event) => (
          <AuditRow key={event.id} event={event} />
        ))}
      </StaffListTable>
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
