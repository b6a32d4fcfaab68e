import { z } from "zod";
import { User } from "../accounts/user.server";
import { serialised } from "../db/connection.server";
import { recordAudit } from "../moderation/audit.server";
import { forgetMemo } from "../summary/summary-cache";
import { catalogChanged } from "./catalog-cache.server";
import { Evaluation } from "./evaluation.server";
import { getPeriod } from "./period.server";

const objectId = z.string().regex(/^[0-9a-f]{24}$/);

/** What a committee's "changed" decision hands over; `caseId` is the re-review case, `actor` the staff user's id. */
export const RatingRevisionInputSchema = z.object({
  evaluationId: objectId,
  to: z.string().trim().min(1).max(64),
  note: z.string().trim().max(2000).default(""),
  caseId: z.string().trim().min(1).max(100),
  actor: objectId,
});
export type RatingRevisionInput = z.input<typeof RatingRevisionInputSchema>;

export type RatingRevisionErrorCode = "invalid-input" | "not-found" | "invalid-rating" | "unchanged" | "conflict";

/** An expected refusal; pages translate `organizations:revision.errors.<code>`. */
export class RatingRevisionError extends Error {
  constructor(
    readonly code: RatingRevisionErrorCode,
    readonly field?: string,
  ) {
    super(`rating revision refused: ${code}`);
    this.name = "RatingRevisionError";
  }
}

export interface RatingRevisionResult {
  from: string;
  to: string;
  revisedAt: Date;
}

interface StoredRevision {
  from: string;
  to: string;
  revisedAt: Date;
  caseId: string;
}
interface StoredEvaluation {
  _id: unknown;
  period: string;
  rating: string;
  ratingHistory?: StoredRevision[];
}

const readEvaluation = (id: string) => Evaluation.findById(id, { period: 1, rating: 1, ratingHistory: 1 }).lean<StoredEvaluation>();

/** The revision this case already made, if any: a retried decision gets the same answer, not a second version. */
function madeBy(doc: StoredEvaluation, caseId: string): RatingRevisionResult | null {
  const entry = (doc.ratingHistory ?? []).find((revision) => revision.caseId === caseId);
  return entry ? { from: entry.from, to: entry.to, revisedAt: entry.revisedAt } : null;
}

async function actorOf(id: string): Promise<{ id: string; email: string }> {
  const user = await User.findById(id, { email: 1 }).lean<{ email: string }>();
  return { id, email: user?.email ?? "" };
}

/**
 * Changes an evaluation's rating after a re-review and keeps the old one in `ratingHistory`. The update is
 * conditional on the rating read (`{_id, rating: from}`): of two revisions at once only one applies, the
 * other gets "conflict". Serialised with the evaluation's counter moves, since FerretDB writes the whole
 * document back. Then the catalog version moves (every process reloads; cached pages and summaries follow).
 */
export async function reviseRating(input: RatingRevisionInput): Promise<RatingRevisionResult> {
  const parsed = RatingRevisionInputSchema.safeParse(input);
  if (!parsed.success) throw new RatingRevisionError("invalid-input", String(parsed.error.issues[0]?.path[0] ?? ""));
  const { evaluationId, to, note, caseId, actor } = parsed.data;

  const result = await serialised(Evaluation, evaluationId, async () => {
    const doc = await readEvaluation(evaluationId);
    if (!doc) throw new RatingRevisionError("not-found", "evaluationId");
    const earlier = madeBy(doc, caseId);
    if (earlier) return { ...earlier, applied: false };
    const period = await getPeriod({ code: doc.period });
    if (!period?.ratingScale.some((entry) => entry.key === to)) throw new RatingRevisionError("invalid-rating", "to");
    if (doc.rating === to) throw new RatingRevisionError("unchanged", "to");
    const revision = { from: doc.rating, to, revisedAt: new Date(), note, caseId };
    // Not a bare {_id}: FerretDB scans the (small) evaluations collection here, acceptable for a rare staff action.
    const write = await Evaluation.updateOne(
      { _id: evaluationId, rating: doc.rating },
      { $set: { rating: to }, $push: { ratingHistory: revision } },
    );
    if (write.modifiedCount === 1) return { from: revision.from, to, revisedAt: revision.revisedAt, applied: true };
    const now = await readEvaluation(evaluationId);
    const same = now && madeBy(now, caseId);
    if (same) return { ...same, applied: false };
    throw new RatingRevisionError("conflict", "to");
  });
  // Also on a retry: the attempt that wrote may have failed before announcing it.
  await catalogChanged();
  forgetMemo();
  if (!result.applied) return { from: result.from, to: result.to, revisedAt: result.revisedAt };
  await recordAudit({
    actor: await actorOf(actor),
    action: "rating.revise",
    targetType: "evaluation",
    targetId: evaluationId,
    note,
    before: { rating: result.from },
    after: { rating: result.to, caseId, revisedAt: result.revisedAt.toISOString() },
  });
  return { from: result.from, to: result.to, revisedAt: result.revisedAt };
}
