import { describe, expect, it } from "vitest";
import { intakeFlags, maskPersonalData, MASK, similarText, type IntakeContext } from "../../models/feedback/feedback-flags";
import { FeedbackInputSchema } from "../../models/feedback/feedback-input";
import { DEFAULT_WORDS } from "../../models/feedback/word-list.server";
import { similarityKey, similarKeys } from "../../models/lib/similarity-key.server";
import { cleanText, matchForm, searchKey } from "../../models/lib/text";
import { FORMAT } from "../fixtures/format-characters";

const ZWSP = "\u200b";
const RLO = "\u202e";
const context = (text: string): IntakeContext => ({ text, words: DEFAULT_WORDS, similarRecent: 0 });
const kinds = (text: string) => intakeFlags(context(text)).map((flag) => flag.kind);

describe("the match form", () => {
  it("drops every format character, folds fullwidth and other scripts' digits, keeps Vietnamese as it is", () => {
    for (const hidden of FORMAT) expect(matchForm(`09${hidden}12`), `U+${hidden.codePointAt(0)!.toString(16)}`).toBe("0912");
    expect(matchForm("０９１２ ３４５ ６７８")).toBe("0912 345 678");
    expect(matchForm("٠٩١٢ ๓๔๕ 𝟔𝟕𝟖 ⑨")).toBe("0912 345 678 9");
    expect(matchForm("0\u03329\u0332")).toBe("09");
    expect(matchForm("ｎｇｕｙｅｎ＠ｅｘａｍｐｌｅ．ｖｎ")).toBe("nguyen@example.vn");
    const vietnamese = "Đảng viên ở ấp Bàu Cá gương mẫu, nhiệt tình.";
    expect(matchForm(vietnamese)).toBe(vietnamese);
  });

  it("is what stored text is cleaned of: no format characters, NFC, trimmed", () => {
    expect(cleanText(`  Chi bộ${ZWSP} tốt${RLO}lắm\ufeff `)).toBe("Chi bộ tốtlắm");
    expect(cleanText("Ho\u0300a")).toBe("Hòa");
    const parsed = FeedbackInputSchema.parse({
      evaluation: "a".repeat(24),
      stance: "agree",
      body: `Đồng ý${RLO} với xếp loại`,
      displayName: `Cô${ZWSP} Lan`,
    });
    expect(parsed.body).toBe("Đồng ý với xếp loại");
    expect(parsed.displayName).toBe("Cô Lan");
  });

  it("refuses a body made of nothing but format characters", () => {
    expect(FeedbackInputSchema.safeParse({ evaluation: "a".repeat(24), stance: "agree", body: `${ZWSP}${RLO}\u2060` }).success).toBe(false);
  });
});

describe("personal data behind hidden characters", () => {
  it.each([
    ["zero-width spaces", `Gọi 0912${ZWSP}345${ZWSP}678 nhé`],
    ["word joiners and a BOM", "Gọi 0912\u2060345\ufeff678 nhé"],
    ["fullwidth digits", "Gọi ０９１２３４５６７８ nhé"],
    ["Arabic-Indic digits", "Gọi ٠٩١٢٣٤٥٦٧٨ nhé"],
    ["a bidi override", `Gọi ${RLO}0912345678 nhé`],
  ])("masks a phone number hidden with %s, and flags it", (_label, text) => {
    expect(maskPersonalData(text)).toBe(`Gọi ${MASK} nhé`);
    expect(kinds(text)).toContain("phone");
  });

  it("masks an e-mail address and an ID number hidden the same ways", () => {
    expect(maskPersonalData(`Thư: lan${ZWSP}.nguyen@exa${ZWSP}mple.vn`)).toBe(`Thư: ${MASK}`);
    expect(maskPersonalData("Thư: ｌａｎ＠ｅｘａｍｐｌｅ．ｖｎ")).toBe(`Thư: ${MASK}`);
    expect(maskPersonalData(`CCCD 0792${ZWSP}0301${ZWSP}2345`)).toBe(`CCCD ${MASK}`);
  });

  it("leaves no format character in what it returns", () => {
    expect(maskPersonalData(`A${RLO}B\u2066C\u2069`)).toBe("ABC");
  });
});

describe("word lists behind hidden characters", () => {
  it("finds a banned word split by zero-width characters, written fullwidth, or with a soft hyphen", () => {
    expect(kinds(`Bọn này đ${ZWSP}é${ZWSP}o làm gì cả`)).toContain("banned-word");
    expect(kinds("Bọn này ｄｅｏ làm gì cả")).toContain("banned-word");
    expect(kinds("Cán bộ có dấu hiệu ăn ch\u00adặn")).toContain("suspect-word");
    expect(kinds(`Cán bộ có dấu hiệu ăn${ZWSP} chặn`)).toContain("suspect-word");
  });
});

describe("duplicates and campaigns behind hidden characters", () => {
  const original = "Chi bộ ấp Phú Sơn làm việc rất tận tâm, xứng đáng được xếp loại trong sạch vững mạnh.";
  const disguised = [original.replace(/ /g, ` ${ZWSP}`), original.replace(/a/g, "ａ").replace(/c/g, "ｃ"), `${RLO}${original}\u202c`];

  it("gives the same search key, so the duplicate check refuses the copy", () => {
    for (const copy of disguised) expect(searchKey(copy)).toBe(searchKey(original));
  });

  it("finds the copy similar, by text and by stored similarity key", () => {
    for (const copy of disguised) {
      expect(similarText(copy, original)).toBe(true);
      expect(similarKeys(similarityKey(copy), similarityKey(original))).toBe(true);
      expect(similarityKey(copy)).toBe(similarityKey(original));
    }
  });
});
