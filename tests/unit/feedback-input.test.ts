import { describe, expect, it } from "vitest";
import { FeedbackInputSchema, feedbackFormInput } from "../../models/feedback/feedback-input";
import { generateTrackingCode, normalizeTrackingCode, TRACKING_ALPHABET } from "../../models/lib/tracking-code.server";

const evaluation = "65a1b2c3d4e5f60718293a4b";
const valid = { evaluation, stance: "agree", body: "Chi bộ làm tốt." };

function issues(input: unknown): Record<string, string> {
  const result = FeedbackInputSchema.safeParse(input);
  if (result.success) return {};
  return Object.fromEntries(result.error.issues.map((issue) => [issue.path.join(".") || "_", issue.message]));
}

describe("FeedbackInputSchema", () => {
  it("trims and NFC-normalises the body and counts its length afterwards", () => {
    const decomposed = "  Đồng tình  ".normalize("NFD");
    const parsed = FeedbackInputSchema.parse({ ...valid, body: decomposed });
    expect(parsed.body).toBe("Đồng tình".normalize("NFC"));
    expect(issues({ ...valid, body: `  ${"a".repeat(2000)}  ` })).toEqual({});
    expect(issues({ ...valid, body: "a".repeat(2001) })).toEqual({ body: "feedback:errors.bodyTooLong" });
    expect(issues({ ...valid, body: "   \n " })).toEqual({ body: "feedback:errors.bodyRequired" });
  });

  it("refuses wrong stances, wrong types and operator objects", () => {
    expect(issues({ ...valid, stance: "maybe" })).toEqual({ stance: "feedback:errors.stanceInvalid" });
    expect(issues({ ...valid, body: 42 })).toEqual({ body: "feedback:errors.invalidType" });
    expect(issues({ ...valid, evaluation: { $gt: "" } })).toEqual({ evaluation: "feedback:errors.evaluationInvalid" });
    expect(issues({ ...valid, body: { $gt: "" } })).toEqual({ body: "feedback:errors.invalidType" });
    expect(issues({ ...valid, evaluation: "not-an-id" })).toEqual({ evaluation: "feedback:errors.evaluationInvalid" });
    expect(issues({ ...valid, isResident: "yes" })).toEqual({ isResident: "feedback:errors.invalidType" });
  });

  it("requires a proposed rating only when disagreeing, and drops it otherwise", () => {
    expect(issues({ ...valid, stance: "disagree" })).toEqual({ proposedRating: "feedback:errors.proposedRatingRequired" });
    expect(FeedbackInputSchema.parse({ ...valid, stance: "disagree", proposedRating: "yeu-kem" }).proposedRating).toBe("yeu-kem");
    expect(FeedbackInputSchema.parse({ ...valid, stance: "agree", proposedRating: "yeu-kem" }).proposedRating).toBeUndefined();
  });

  it("accepts an e-mail address as contact, nothing else (not a phone: only mail is ever sent)", () => {
    expect(issues({ ...valid, contact: "0912 345 678" })).toEqual({ contact: "feedback:errors.contactInvalid" });
    expect(issues({ ...valid, contact: "dan@example.vn" })).toEqual({});
    expect(issues({ ...valid, contact: "call me" })).toEqual({ contact: "feedback:errors.contactInvalid" });
    expect(FeedbackInputSchema.parse({ ...valid, contact: "  ", displayName: "" })).toMatchObject({
      contact: undefined,
      displayName: undefined,
    });
    expect(issues({ ...valid, displayName: "x".repeat(81) })).toEqual({ displayName: "feedback:errors.displayNameTooLong" });
  });

  it("strips fields a client must never choose", () => {
    const parsed = FeedbackInputSchema.parse({ ...valid, status: "approved", flags: [], trackingCode: "AAAA-BBBB-CC" });
    expect(parsed).not.toHaveProperty("status");
    expect(parsed).not.toHaveProperty("flags");
    expect(parsed).not.toHaveProperty("trackingCode");
  });

  it("reads the HTML form: checkbox 'on', hCaptcha's own field name", () => {
    const form = new FormData();
    for (const [name, value] of Object.entries({ ...valid, isResident: "on", "h-captcha-response": "tok" })) form.set(name, value);
    expect(FeedbackInputSchema.parse(feedbackFormInput(form))).toMatchObject({ isResident: true, captchaToken: "tok" });
    form.delete("isResident");
    expect(FeedbackInputSchema.parse(feedbackFormInput(form)).isResident).toBe(false);
  });
});

describe("tracking codes", () => {
  it("are 10 unambiguous symbols grouped 4-4-2, and differ every time", () => {
    const codes = new Set(Array.from({ length: 2000 }, generateTrackingCode));
    expect(codes.size).toBe(2000);
    for (const code of codes)
      expect(code).toMatch(new RegExp(`^[${TRACKING_ALPHABET}]{4}-[${TRACKING_ALPHABET}]{4}-[${TRACKING_ALPHABET}]{2}$`));
    expect(TRACKING_ALPHABET).not.toMatch(/[01OIL]/);
  });

  it("read back in any case, with or without dashes", () => {
    expect(normalizeTrackingCode("k7m4pq2x9t")).toBe("K7M4-PQ2X-9T");
    expect(normalizeTrackingCode(" K7M4-PQ2X-9T ")).toBe("K7M4-PQ2X-9T");
    expect(normalizeTrackingCode("K7M4-PQ2X-9")).toBeNull();
    expect(normalizeTrackingCode("K7M4-PQ2X-0O")).toBeNull();
  });
});
