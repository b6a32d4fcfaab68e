import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { QueueItem } from "../../models/moderation/moderation-queue.server";
import { ModerationItem } from "./moderation-item";
import { ReasonSelect } from "./moderation-nav";

type Wave = NonNullable<QueueItem["wave"]>;

/** A run of the queue page: one item, or the pending members of a campaign wave shown where its first one falls. */
type QueueRun = { wave: null; items: [QueueItem] } | { wave: Wave; items: QueueItem[] };

/** Gathers a page's pending wave members into one run per wave; everything else stays one item per run, in order. */
export function queueRuns(items: QueueItem[]): QueueRun[] {
  const runs: QueueRun[] = [];
  const byWave = new Map<string, QueueItem[]>();
  for (const item of items) {
    const wave = item.status === "pending" && !item.followUp ? item.wave : null;
    if (!wave) {
      runs.push({ wave: null, items: [item] });
      continue;
    }
    const members = byWave.get(wave.id);
    if (members) members.push(item);
    else {
      const run = { wave, items: [item] };
      byWave.set(wave.id, run.items);
      runs.push(run);
    }
  }
  return runs;
}

interface WaveProps {
  wave: Wave;
  items: QueueItem[];
  reasons: readonly string[];
  isAdmin: boolean;
  /** The last action's result when it was about one member (a wave with one comment left). */
  outcome?: { id?: string; ok: boolean; message: string; fields?: Record<string, string> } | null;
}

/** A campaign wave as one group: its size, a sample text, one form for all its members shown, then the members themselves. */
export function WaveGroup({ wave, items, reasons, isAdmin, outcome }: WaveProps) {
  const { t } = useTranslation("moderation");
  const count = items.length;
  return (
    <section className="moderation-wave" aria-labelledby={`wave-${wave.id}`} data-wave={wave.id}>
      <h2 id={`wave-${wave.id}`}>{t("wave.title", { count: wave.size })}</h2>
      <p className="hint">{t("wave.hint", { count })}</p>
      <p className="hint">{t("wave.sample")}</p>
      <blockquote className="moderation-body">
        <bdi>{wave.sample}</bdi>
      </blockquote>
      <Form method="post" className="moderation-bulk" aria-label={t("wave.formLabel")}>
        <input type="hidden" name="wave" value={wave.id} />
        {items.map((item) => (
          <input key={item.id} type="hidden" name="ids" value={item.id} />
        ))}
        <button type="submit" name="intent" value="approve">
          {t("wave.approve", { count })}
        </button>
        <div>
          <ReasonSelect id={`wave-reason-${wave.id}`} reasons={reasons} required={false} />
        </div>
        <div>
          <label htmlFor={`wave-note-${wave.id}`}>{t("note.label")}</label>
          <input id={`wave-note-${wave.id}`} name="note" type="text" maxLength={500} />
        </div>
        <button type="submit" name="intent" value="reject" className="secondary">
          {t("wave.reject", { count })}
        </button>
      </Form>
      <ol className="moderation-list" aria-label={t("wave.members")}>
        {items.map((item) => (
          <li key={item.id}>
            <ModerationItem item={item} reasons={reasons} isAdmin={isAdmin} outcome={outcome?.id === item.id ? outcome : null} />
          </li>
        ))}
      </ol>
    </section>
  );
}
