import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ModerationFilters } from "~/components/moderation-filters";
import { ModerationItem } from "~/components/moderation-item";
import { ModerationNav, ReasonSelect } from "~/components/moderation-nav";
import { queueRuns, WaveGroup } from "~/components/moderation-wave";
import { translatorFor } from "~/utils/api.server";
import { requireRole } from "~/utils/auth.server";
import { moderationAction } from "~/utils/moderation-actions.server";
import { listPeriodCodes, MODERATION_CHOICES, queuePage } from "~/utils/moderation.server";
import { pageError } from "~/utils/page-error.server";
import { pageTitle } from "~/components/page-meta";
import { Pager } from "~/components/pager";
import { staffListData } from "~/components/staff-list";

export const meta: MetaFunction<typeof loader> = (args) => pageTitle(args);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  const url = new URL(request.url);
  const page = await queuePage(url.searchParams);
  if (!page.ok) throw await pageError(request, 400);
  return {
    ...staffListData({ t, heading: "moderation:queue.title", role: user.role, url, page }),
    filters: page.filters,
    periods: await listPeriodCodes(),
    ...MODERATION_CHOICES,
  };
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "moderator");
  const t = await translatorFor(request, ["moderation", "common"]);
  return moderationAction(request, user, t);
}

/** Keyboard shortcuts, added only when JavaScript runs: j/k move between items, a approves, r picks a reject reason. */
function useQueueShortcuts() {
  useEffect(() => {
    function onKey(event: KeyboardEvent) {
      const target = event.target as HTMLElement | null;
      if (event.ctrlKey || event.metaKey || event.altKey || (target && /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))) return;
      const items = [...document.querySelectorAll<HTMLElement>("[data-moderation-item]")];
      const current = items.findIndex((item) => item.contains(document.activeElement));
      const item = items[current];
      if (event.key === "j" || event.key === "k") {
        const next = items[Math.min(items.length - 1, Math.max(0, current + (event.key === "j" ? 1 : -1)))];
        next?.focus();
        next?.scrollIntoView({ block: "nearest" });
      } else if (event.key === "a" && item) {
        item.querySelector<HTMLButtonElement>('[data-shortcut="approve"]')?.click();
      } else if (event.key === "r" && item) {
        item.querySelector<HTMLSelectElement>(".moderation-reject select")?.focus();
      } else return;
      event.preventDefault();
    }
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);
}

function BulkForm({ reasons }: { reasons: readonly string[] }) {
  const { t } = useTranslation("moderation");
  return (
    <Form method="post" id="bulk-form" className="moderation-bulk" aria-label={t("bulk.label")}>
      <p className="hint">{t("bulk.hint")}</p>
      <button type="submit" name="intent" value="approve">
        {t("bulk.approve")}
      </button>
      <div>
        <ReasonSelect id="bulk-reason" reasons={reasons} required={false} />
      </div>
      <div>
        <label htmlFor="bulk-note">{t("note.label")}</label>
        <input id="bulk-note" name="note" type="text" maxLength={500} />
      </div>
      <button type="submit" name="intent" value="reject" className="secondary">
        {t("bulk.reject")}
      </button>
    </Form>
  );
}

export default function ModerationQueue() {
  const { t } = useTranslation("moderation");
  const loaded = useLoaderData<typeof loader>();
  const outcome = useActionData<typeof action>();
  useQueueShortcuts();
  const pending = loaded.filters.status === "pending";
  // A decided item usually leaves the pending list: its outcome then shows above the list, not beside it.
  const shownBesideItem = outcome?.id !== undefined && loaded.items.some((item) => item.id === outcome.id);
  return (
    <section aria-labelledby="queue-title">
      <ModerationNav role={loaded.role} />
      <h1 id="queue-title">{t("queue.title")}</h1>
      <p className="hint">{t("queue.shortcuts")}</p>
      <ModerationFilters
        values={loaded.filters}
        districts={loaded.districts}
        periods={loaded.periods}
        statuses={loaded.statuses}
        stances={loaded.stances}
      />
      {outcome && !shownBesideItem ? (
        <p className={outcome.ok ? "notice success" : "notice warning"} role={outcome.ok ? "status" : "alert"}>
          {outcome.message}
        </p>
      ) : null}
      {pending && loaded.items.length > 0 ? <BulkForm reasons={loaded.reasons} /> : null}
      {loaded.items.length === 0 ? <p>{t("queue.empty")}</p> : null}
      <ol className="moderation-list">
        {queueRuns(loaded.items).map((run) =>
          run.wave ? (
            <li key={`wave-${run.wave.id}`}>
              <WaveGroup wave={run.wave} items={run.items} reasons={loaded.reasons} isAdmin={loaded.role === "admin"} outcome={outcome} />
            </li>
          ) : (
            <li key={run.items[0].id}>
              <ModerationItem
                item={run.items[0]}
                reasons={loaded.reasons}
                isAdmin={loaded.role === "admin"}
                outcome={outcome?.id === run.items[0].id ? outcome : null}
              />
            </li>
          ),
        )}
      </ol>
      <Pager firstHref={loaded.firstHref} nextHref={loaded.nextHref} />
    </section>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
