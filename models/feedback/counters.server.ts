import { trackCounterMove } from "../catalog/catalog-cache.server";
import { serialised } from "../db/connection.server";
import { Evaluation } from "../catalog/evaluation.server";
import type { FeedbackStatus, RejectReason, Stance } from "./feedback.server";
import { countReceived } from "../summary/participation.server";

/** The parts of a feedback item that decide which evaluation counters it adds to. */
export interface CountedState {
  status: FeedbackStatus;
  stance: Stance;
  isResident: boolean;
  proposedRating?: string | null;
  rejectReason?: RejectReason | null;
}

/**
 * What one feedback item contributes to its evaluation's counters:
 * pending → counters.pending; approved → counters[stance], residentCounters[stance] when a
 * resident, proposed[rating] when disagreeing with a proposal; rejected → rejected[reason];
 * withdrawn, awaiting review or removed → followUp[status].
 * The recount in summaries:rebuild applies the same rules, so counters always equal a recount.
 */
export function contribution(state: CountedState): Record<string, number> {
  if (state.status === "pending") return { "counters.pending": 1 };
  if (state.status === "rejected") return { [`rejected.${state.rejectReason ?? "other"}`]: 1 };
  // Residents' follow-up: neither pending nor published, counted per state for the statistics and the transparency line.
  if (state.status !== "approved") return { [`followUp.${state.status}`]: 1 };
  const out: Record<string, number> = { [`counters.${state.stance}`]: 1 };
  if (state.isResident) out[`residentCounters.${state.stance}`] = 1;
  if (state.stance === "disagree" && state.proposedRating) out[`proposed.${state.proposedRating}`] = 1;
  return out;
}

/** The $inc that moves an evaluation from counting `before` to counting `after` (null: not counted). */
export function counterDelta(before: CountedState | null, after: CountedState | null): Record<string, number> {
  const delta: Record<string, number> = {};
  for (const [path, n] of Object.entries(before ? contribution(before) : {})) delta[path] = (delta[path] ?? 0) - n;
  for (const [path, n] of Object.entries(after ? contribution(after) : {})) delta[path] = (delta[path] ?? 0) + n;
  for (const path of Object.keys(delta)) if (delta[path] === 0) delete delta[path];
  return delta;
}

/**
 * Applies a counter change atomically ($inc; serialised per evaluation on FerretDB) and the same delta to
 * the catalog in memory, so public pages show it at once. This is the only writer of counters on the
 * request path. A new item (`before` null) is also counted in the day's participation, first, so a failure
 * there leaves the counters untouched for the caller's clean-up.
 */
export async function moveCounters(evaluationId: string, before: CountedState | null, after: CountedState | null): Promise<void> {
  const inc = counterDelta(before, after);
  if (before === null && after !== null) await countReceived({ evaluationId });
  if (Object.keys(inc).length === 0) return;
  await serialised(Evaluation, evaluationId, () =>
    trackCounterMove(evaluationId, inc, () => Evaluation.updateOne({ _id: evaluationId }, { $inc: inc })),
  );
}
