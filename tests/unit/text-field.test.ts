import { describe, expect, it } from "vitest";
import { cleanTextField } from "../../models/lib/text-field";
import { FORMAT } from "../fixtures/format-characters";

/** The value a field keeps, or the message it refuses with. */
function outcome(field: ReturnType<typeof cleanTextField>, value: unknown): string {
  const parsed = field.safeParse(value);
  return parsed.success ? `ok:${parsed.data}` : `refused:${parsed.error.issues[0]!.message}`;
}

describe("cleanTextField", () => {
  const name = cleanTextField({ max: 5, message: "name" });
  const note = cleanTextField({
    min: 3,
    max: 5,
    message: "note",
    tooLong: "noteTooLong",
    required: "noteMissing",
    invalidType: "noteType",
  });

  it("keeps the text without format characters, NFC and trimmed", () => {
    for (const hidden of FORMAT) expect(outcome(name, ` Lan${hidden} `), `U+${hidden.codePointAt(0)!.toString(16)}`).toBe("ok:Lan");
    expect(outcome(name, "Ho\u0300a")).toBe("ok:Hòa");
  });

  it.each([
    [name, "", "refused:name"],
    [name, " \u200b\u202e\u2060 ", "refused:name"],
    [name, `${"a".repeat(5)}\u200b `, "ok:aaaaa"],
    [name, "a".repeat(6), "refused:name"],
    [name, undefined, "refused:Required"],
    [name, 5, "refused:Expected string, received number"],
    [note, "ab\u200b", "refused:note"],
    [note, " abc ", "ok:abc"],
    [note, "abcdef", "refused:noteTooLong"],
    [note, undefined, "refused:noteMissing"],
    [note, 5, "refused:noteType"],
    [cleanTextField({ min: 0, max: 5, message: "x" }), " \u200b ", "ok:"],
  ])("counts the length after cleaning, and says why it refuses (%#)", (field, value, expected) => {
    expect(outcome(field, value)).toBe(expected);
  });
});
