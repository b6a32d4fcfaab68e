import { z } from "zod";
import { cleanTextField } from "../lib/text-field";

const STANCE_VALUES = ["agree", "disagree", "neutral"] as const;
export const BODY_MAX = 2000;
export const DISPLAY_NAME_MAX = 80;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

const absentIfEmpty = z
  .string()
  .optional()
  .transform((value) => value || undefined);

/** Optional text: cleaned like the body, and "" read as absent (an empty form field). */
function optionalText(max: number, tooLong: string) {
  // A pipe, not a transform: zod skips a transform after a refused length, and with it the form's other checks.
  return cleanTextField({ min: 0, max, message: tooLong, invalidType: "feedback:errors.invalidType" }).optional().pipe(absentIfEmpty);
}

/** Only an e-mail address: it is kept (sealed) for the one message on the decision, so nothing else could serve. */
function isContact(value: string): boolean {
  return EMAIL.test(value);
}

/**
 * What a resident sends, from the page form or POST /api/v1/feedback. Messages are translation keys.
 * Unknown fields (status, flags, trackingCode…) are stripped: a client never chooses them.
 */
export const FeedbackInputSchema = z
  .object({
    evaluation: z
      .string({ required_error: "feedback:errors.evaluationRequired", invalid_type_error: "feedback:errors.evaluationInvalid" })
      .regex(/^[0-9a-f]{24}$/i, "feedback:errors.evaluationInvalid")
      .transform((id) => id.toLowerCase()),
    stance: z.enum(STANCE_VALUES, { errorMap: () => ({ message: "feedback:errors.stanceInvalid" }) }),
    proposedRating: optionalText(64, "feedback:errors.proposedRatingInvalid"),
    body: cleanTextField({
      max: BODY_MAX,
      message: "feedback:errors.bodyRequired",
      tooLong: "feedback:errors.bodyTooLong",
      required: "feedback:errors.bodyRequired",
      invalidType: "feedback:errors.invalidType",
    }),
    displayName: optionalText(DISPLAY_NAME_MAX, "feedback:errors.displayNameTooLong"),
    contact: optionalText(200, "feedback:errors.contactInvalid").refine(
      (value) => value === undefined || isContact(value),
      "feedback:errors.contactInvalid",
    ),
    // JSON sends a boolean; an HTML checkbox sends "on" or nothing.
    isResident: z
      .union([z.boolean(), z.enum(["on", "true", "false"])], { errorMap: () => ({ message: "feedback:errors.invalidType" }) })
      .optional()
      .transform((value) => value === true || value === "on" || value === "true"),
    captchaToken: optionalText(8000, "feedback:errors.captchaFailed"),
    /** Honeypot: hidden from people, filled by naive bots. */
    website: z.string({ invalid_type_error: "feedback:errors.invalidType" }).max(500).optional(),
  })
  .superRefine((input, ctx) => {
    if (input.stance === "disagree" && !input.proposedRating) {
      ctx.addIssue({ code: "custom", path: ["proposedRating"], message: "feedback:errors.proposedRatingRequired" });
    }
  })
  .transform((input) => ({ ...input, proposedRating: input.stance === "disagree" ? input.proposedRating : undefined }));

/** The form's fields as typed, for re-rendering after an error (never the captcha token or the honeypot). */
export interface FeedbackFormValues {
  evaluation: string;
  stance: string;
  proposedRating: string;
  body: string;
  displayName: string;
  contact: string;
  isResident: boolean;
}

/** Reads the page form into the schema's shape; hCaptcha's widget posts its token as `h-captcha-response`. */
export function feedbackFormInput(form: FormData): Record<string, unknown> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" ? value : undefined;
  };
  return {
    evaluation: text("evaluation"),
    stance: text("stance"),
    proposedRating: text("proposedRating"),
    body: text("body") ?? "",
    displayName: text("displayName"),
    contact: text("contact"),
    isResident: text("isResident"),
    captchaToken: text("h-captcha-response") ?? text("captchaToken"),
    website: text("website"),
  };
}

export function feedbackFormValues(input: Record<string, unknown>): FeedbackFormValues {
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  return {
    evaluation: text(input.evaluation),
    stance: text(input.stance),
    proposedRating: text(input.proposedRating),
    body: text(input.body),
    displayName: text(input.displayName),
    contact: text(input.contact),
    isResident: input.isResident === "on" || input.isResident === true,
  };
}
