import { z } from "zod";
import { BODY_MAX } from "../feedback/feedback-input";
import { REJECT_REASONS } from "../feedback/feedback.server";
import { cleanTextField } from "../lib/text-field";

/** The reply's text, from the page form or PUT /api/v1/evaluations/:id/reply; normalised and bounded as residents' text is. */
export const ReplyInputSchema = z.object({
  body: cleanTextField({
    max: BODY_MAX,
    message: "replies:errors.bodyRequired",
    tooLong: "replies:errors.bodyTooLong",
    required: "replies:errors.bodyRequired",
    invalidType: "replies:errors.bodyRequired",
  }),
});

/** A moderator hides a reply with a reason (the rejection categories) and an optional note. */
export const HideReplySchema = z.object({
  reason: z.enum(REJECT_REASONS, { errorMap: () => ({ message: "replies:errors.reasonRequired" }) }),
  note: z.string().trim().max(500, "replies:errors.noteTooLong").optional(),
});
export type HideReplyInput = z.infer<typeof HideReplySchema>;

export const EvaluationIdSchema = z.string().regex(/^[0-9a-f]{24}$/, "replies:errors.notFound");
