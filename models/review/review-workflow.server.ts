import { z } from "zod";
import { catalogSnapshot } from "../catalog/catalog-cache.server";
import { RatingRevisionError, reviseRating } from "../catalog/rating-revision.server";
import { isFerretDB, serialised } from "../db/connection.server";
import { recordAudit } from "../moderation/audit.server";
import { cleanTextField } from "../lib/text-field";
import { readCase, ReviewCase, type ReviewStatus, type StoredCase } from "./review-case.server";
import { countsOf } from "./review-open.server";

type Actor = { id: string; email: string };

/** Why a committee action was refused; pages translate `reviews:errors.<code>`. */
export class ReviewActionError extends Error {
  constructor(
    readonly code: "notFound" | "moved" | "invalidRating" | "unchanged" | "conflict",
    readonly status: 404 | 409 | 400,
  ) {
    super(`review action refused: ${code}`);
    this.name = "ReviewActionError";
  }
}

const E = "reviews:errors.";

/** The decision form: keep or change, the new rating when changing, and a note saying why (always). */
export const ReviewDecisionSchema = z
  .object({
    decision: z.enum(["kept", "changed"], { message: `${E}decision` }),
    to: z.preprocess(
      (value) => (value === "" ? undefined : value),
      z
        .string()
        .regex(/^[a-z0-9-]{1,40}$/, `${E}rating`)
        .optional(),
    ),
    note: cleanTextField({ min: 3, max: 2_000, message: `${E}note`, tooLong: `${E}noteTooLong`, required: `${E}note` }),
  })
  .refine((input) => input.decision === "kept" || input.to !== undefined, { path: ["to"], message: `${E}rating` });
export type ReviewDecisionInput = z.infer<typeof ReviewDecisionSchema>;

/**
 * Moves a case from `from` if it is still there: one conditional update `{_id, status: from}` on MongoDB; on
 * FerretDB (whose update is a read and a write) a read and a write by `_id` under a per-case lock in the one
 * app process. Throws "moved" (409) when someone else moved it first.
 */
async function moveCase({
  id,
  from,
  set,
  unset,
}: {
  id: string;
  from: ReviewStatus;
  set: Record<string, unknown>;
  unset?: Record<string, "">;
}): Promise<void> {
  const update = { $set: set, ...(unset ? { $unset: unset } : {}) };
  const status = isFerretDB()
    ? await serialised(ReviewCase, id, async () => {
        const doc = await ReviewCase.findById(id, { status: 1 }).lean<{ status: ReviewStatus }>();
        if (doc?.status === from) await ReviewCase.updateOne({ _id: id }, update);
        return doc ? (doc.status === from ? "moved-here" : "elsewhere") : "missing";
      })
    : await ReviewCase.updateOne({ _id: id, status: from }, update).then(async (r) =>
        r.matchedCount === 1 ? "moved-here" : (await ReviewCase.exists({ _id: id })) ? "elsewhere" : "missing",
      );
  if (status === "elsewhere") throw new ReviewActionError("moved", 409);
  if (status === "missing") throw new ReviewActionError("notFound", 404);
}

async function caseOr404(id: string): Promise<StoredCase> {
  const found = await readCase(id);
  if (!found) throw new ReviewActionError("notFound", 404);
  return found;
}

/** A committee member takes an open case: open → under review. */
export async function startReview({ id, actor, now = new Date() }: { id: string; actor: Actor; now?: Date }): Promise<void> {
  await caseOr404(id);
  await moveCase({ id, from: "open", set: { status: "under-review", reviewer: actor.id, startedAt: now } });
  await recordAudit({
    actor,
    action: "review.start",
    targetType: "review",
    targetId: id,
    before: { status: "open" },
    after: { status: "under-review" },
  });
}

const REVISION_REFUSALS: Record<string, ReviewActionError["code"]> = {
  "invalid-rating": "invalidRating",
  unchanged: "unchanged",
  conflict: "conflict",
};

/**
 * under review → decided. "changed" claims the case first (so two members cannot both revise), then calls
 * reviseRating(); if that refuses, the case goes back to under review and nothing else was written.
 */
export async function decideReview({
  id,
  input,
  actor,
  now = new Date(),
}: {
  id: string;
  input: ReviewDecisionInput;
  actor: Actor;
  now?: Date;
}): Promise<StoredCase["outcome"]> {
  const found = await caseOr404(id);
  const row = (await catalogSnapshot()).rowsById.get(found.evaluation);
  const current = row?.rating ?? found.rating;
  if (input.decision === "changed" && input.to === current) throw new ReviewActionError("unchanged", 400);
  const outcome = {
    decision: input.decision,
    from: current,
    to: input.decision === "changed" ? input.to! : current,
    note: input.note,
    decidedAt: now,
    decidedBy: actor.id,
  };
  const baseline = input.decision === "changed" && row ? { baseline: countsOf(row) } : {};
  await moveCase({ id, from: "under-review", set: { status: "decided", outcome, ...baseline } });
  if (input.decision === "changed") {
    try {
      const revised = await reviseRating({ evaluationId: found.evaluation, to: outcome.to, note: input.note, caseId: id, actor: actor.id });
      if (revised.from !== outcome.from) {
        outcome.from = revised.from;
        await ReviewCase.updateOne({ _id: id }, { $set: { "outcome.from": revised.from } });
      }
    } catch (error) {
      await moveCase({ id, from: "decided", set: { status: "under-review" }, unset: { outcome: "", baseline: "" } });
      if (error instanceof RatingRevisionError && REVISION_REFUSALS[error.code])
        throw new ReviewActionError(REVISION_REFUSALS[error.code]!, error.code === "conflict" ? 409 : 400);
      throw error;
    }
  }
  await recordAudit({
    actor,
    action: "review.decide",
    targetType: "review",
    targetId: id,
    note: input.note,
    before: { status: "under-review", rating: outcome.from },
    after: { status: "decided", decision: outcome.decision, rating: outcome.to },
  });
  return outcome;
}
