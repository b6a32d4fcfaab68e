// Pure and browser-safe: the zod shape of a line of text a person types into a form.
import { z } from "zod";
import { cleanText } from "./text";

/**
 * Text cleaned (cleanText) before its length is checked, so blanks and hidden characters count for nothing;
 * `message` (a translation key) is shown when it is empty or longer than `max`.
 */
export function cleanTextField({ max, message }: { max: number; message: string }) {
  return z.string().transform(cleanText).pipe(z.string().min(1, message).max(max, message));
}
