// Pure and browser-safe: the zod shape of a line of text a person types into a form.
import { z } from "zod";
import { cleanText } from "./text";

/** How long a cleaned text may be, and the translation keys shown when it is not right. */
interface TextFieldRule {
  max: number;
  /** Shown when the text is shorter than `min`, and when it is longer than `max` unless `tooLong` is given. */
  message: string;
  /** Fewest characters after cleaning; 1 (the default) refuses a blank field, 0 accepts it. */
  min?: number;
  tooLong?: string;
  /** Shown when the field is missing; zod's default when not given. */
  required?: string;
  /** Shown when the value is not text; zod's default when not given. */
  invalidType?: string;
}

/**
 * Text cleaned (cleanText) before its length is checked, so blanks and hidden characters count for nothing,
 * and stored as cleaned.
 */
export function cleanTextField({ max, message, min = 1, tooLong = message, required, invalidType }: TextFieldRule) {
  return z
    .string({ required_error: required, invalid_type_error: invalidType })
    .transform(cleanText)
    .pipe(z.string().min(min, message).max(max, tooLong));
}
