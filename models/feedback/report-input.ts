import { z } from "zod";

/** Readers' reasons for reporting a published comment (the stored values; labels are translated). */
export const REPORT_REASON_VALUES = ["abuse", "personal-data", "false-information", "spam", "off-topic", "other"] as const;

/** A reader's report, from the report page's form or POST /api/v1/feedback/:id/reports. Messages are translation keys. */
export const ReportInputSchema = z.object({
  reason: z.enum(REPORT_REASON_VALUES, { errorMap: () => ({ message: "feedback:report.errors.reasonInvalid" }) }),
  captchaToken: z.string({ invalid_type_error: "feedback:errors.invalidType" }).max(8000, "feedback:errors.captchaFailed").optional(),
  /** Honeypot: hidden from people, filled by naive bots. */
  website: z.string({ invalid_type_error: "feedback:errors.invalidType" }).max(500).optional(),
});

/** The report form as the schema reads it; hCaptcha's widget posts its token as `h-captcha-response`; "" is absent. */
export function reportFormInput(form: FormData): Record<string, string | undefined> {
  const text = (name: string) => {
    const value = form.get(name);
    return typeof value === "string" && value !== "" ? value : undefined;
  };
  return { reason: text("reason"), captchaToken: text("h-captcha-response") ?? text("captchaToken"), website: text("website") };
}

/** The kinds of tracking-page form the resident can send. */
export const FollowUpIntentSchema = z.enum(["withdraw", "removal"], {
  errorMap: () => ({ message: "feedback:followUp.errors.intentInvalid" }),
});

/** An admin's report threshold from the settings form. */
export const ReportThresholdSchema = z.object({
  threshold: z.coerce
    .number({ invalid_type_error: "admin:reports.errors.threshold" })
    .int("admin:reports.errors.threshold")
    .min(1, "admin:reports.errors.threshold")
    .max(100, "admin:reports.errors.threshold"),
});

/** A moderator's decision on a comment back for review (POST /api/v1/moderation/feedback/:id). */
export const FollowUpDecisionSchema = z.object({
  decision: z.enum(["keep", "remove"]),
  note: z.string().trim().max(500, "moderation:errors.noteTooLong").optional(),
});
