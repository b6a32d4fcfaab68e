import { z } from "zod";
import { REJECT_REASONS, STANCES } from "../feedback/feedback.server";

/**
 * The lists the queue offers: new comments (with those back for review after publication) and decided ones.
 * Withdrawn and removed comments are counted in the statistics, not listed (a list by status reads feedback).
 */
export const QUEUE_STATUSES = ["pending", "approved", "rejected"] as const;

/** Shared by the queue form, the bulk form and the JSON API; messages are translation keys. */
export const DecisionSchema = z
  .object({
    decision: z.enum(["approve", "reject"], { errorMap: () => ({ message: "moderation:errors.decisionInvalid" }) }),
    reason: z.enum(REJECT_REASONS, { errorMap: () => ({ message: "moderation:errors.reasonInvalid" }) }).optional(),
    note: z.string().trim().max(500, "moderation:errors.noteTooLong").optional(),
  })
  .refine((input) => input.decision === "approve" || input.reason, { message: "moderation:errors.reasonRequired", path: ["reason"] });

/** An admin's reversal: the state to move to, and why (a note always, a category when rejecting). */
export const ReversalSchema = z
  .object({
    to: z.enum(["approved", "rejected"], { errorMap: () => ({ message: "moderation:errors.decisionInvalid" }) }),
    reason: z.enum(REJECT_REASONS, { errorMap: () => ({ message: "moderation:errors.reasonInvalid" }) }).optional(),
    note: z.string().trim().min(3, "moderation:errors.reversalNoteRequired").max(500, "moderation:errors.noteTooLong"),
  })
  .refine((input) => input.to === "approved" || input.reason, { message: "moderation:errors.reasonRequired", path: ["reason"] });

export const RedactionSchema = z.object({
  publicBody: z.string().trim().min(1, "moderation:errors.redactionEmpty").max(2000, "moderation:errors.redactionTooLong"),
});

/** Form checkboxes: one or more feedback ids. */
export const IdsSchema = z
  .array(z.string().regex(/^[0-9a-f]{24}$/, "moderation:errors.noSelection"))
  .min(1, "moderation:errors.noSelection")
  .max(100, "moderation:errors.tooMany");

/** A campaign wave decided together (absent: a plain selection). */
export const WaveSchema = z
  .string()
  .regex(/^[0-9a-f]{24}$/, "moderation:errors.waveInvalid")
  .optional();

const Flag = z
  .enum(["1", "0", "true", "false", "on"], { errorMap: () => ({ message: "moderation:errors.invalidQuery" }) })
  .transform((value) => value === "1" || value === "true" || value === "on");
const Blank = z.literal("").transform(() => undefined);

/** Queue filters from a query string (the page and the API); empty values mean "any". */
export const QueueQuerySchema = z.object({
  status: z.enum(QUEUE_STATUSES, { errorMap: () => ({ message: "moderation:errors.invalidQuery" }) }).default("pending"),
  flagged: Flag.optional().or(Blank),
  district: z.string().trim().max(80).optional(),
  organization: z.string().trim().max(40).optional(),
  stance: z
    .enum(STANCES, { errorMap: () => ({ message: "moderation:errors.invalidQuery" }) })
    .optional()
    .or(Blank),
  period: z.string().trim().max(20).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number({ message: "moderation:errors.invalidQuery" }).int().min(1).max(100).default(25),
});
