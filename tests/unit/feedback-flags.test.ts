import { describe, expect, it } from "vitest";
import {
  burstFlags,
  intakeFlags,
  linkFlags,
  maskPersonalData,
  personalDataFlags,
  repeatedCharFlags,
  shoutingFlags,
  similarText,
  wordFlags,
  type IntakeContext,
} from "../../models/feedback/feedback-flags";
import { DEFAULT_WORDS } from "../../models/feedback/word-list.server";

const context = (text: string, similarRecent = 0): IntakeContext => ({ text, words: DEFAULT_WORDS, similarRecent });
const kinds = (text: string) => intakeFlags(context(text)).map((flag) => flag.kind);

describe("word checks", () => {
  it("flags a banned Vietnamese word with and without diacritics", () => {
    expect(wordFlags(context("Bọn này đéo làm gì cả"))).toEqual([{ kind: "banned-word", detail: "đéo" }]);
    expect(wordFlags(context("Bon nay deo lam gi ca"))).toEqual([{ kind: "banned-word", detail: "đéo" }]);
    expect(wordFlags(context("BỌN NÀY ĐÉO LÀM GÌ"))).toEqual([{ kind: "banned-word", detail: "đéo" }]);
  });

  it("does not confuse an accented everyday word with a banned word of the same letters", () => {
    // "lớn" (big) and "lồn" strip to the same "lon"; only text typed without diacritics is ambiguous.
    expect(wordFlags(context("Chi bộ có nhiều đóng góp lớn cho xã"))).toEqual([]);
    expect(wordFlags(context("Chi bộ làm tốt, đề nghị giữ nguyên."))).toEqual([]);
  });

  it("flags suspect phrases of several words, and English words", () => {
    expect(wordFlags(context("Cán bộ xã có dấu hiệu ăn chặn tiền hỗ trợ"))).toEqual([{ kind: "suspect-word", detail: "ăn chặn" }]);
    expect(wordFlags(context("can bo xa co dau hieu an chan tien"))).toEqual([{ kind: "suspect-word", detail: "ăn chặn" }]);
    expect(wordFlags(context("This rating is a SCAM, what the fuck"))).toEqual([
      { kind: "banned-word", detail: "fuck" },
      { kind: "suspect-word", detail: "scam" },
    ]);
  });

  it("matches whole words only", () => {
    expect(wordFlags(context("Shitake mushrooms and Scunthorpe"))).toEqual([]);
  });
});

describe("personal data", () => {
  it("flags and masks Vietnamese mobile numbers in their usual spellings", () => {
    for (const phone of ["0912345678", "0912 345 678", "0912.345.678", "+84 912 345 678", "84912345678", "028 3829 1234"]) {
      const text = `Liên hệ anh Nam số ${phone} để biết thêm.`;
      expect(
        personalDataFlags(context(text)).map((f) => f.kind),
        phone,
      ).toEqual(["phone"]);
      expect(maskPersonalData(text), phone).toBe("Liên hệ anh Nam số ••• để biết thêm.");
    }
  });

  it("flags and masks e-mail addresses, even with digits that look like a phone", () => {
    const text = "Gửi cho tôi qua nguyen.van.a0912345678@gmail.com nhé";
    expect(personalDataFlags(context(text))).toEqual([{ kind: "email", detail: "n•••@gmail.com" }]);
    expect(maskPersonalData(text)).toBe("Gửi cho tôi qua ••• nhé");
    expect(linkFlags(context(text))).toEqual([]);
  });

  it("flags and masks 9- and 12-digit ID numbers but not years, money or short numbers", () => {
    expect(personalDataFlags(context("CCCD của ông ấy là 079123456789"))).toEqual([{ kind: "id-number", detail: "079•••89" }]);
    expect(maskPersonalData("CMND 271234567, CCCD 079 123 456 789.")).toBe("CMND •••, CCCD •••.");
    const harmless = "Năm 2011 chi bộ có 45 đảng viên, chi 100.000.000 đồng cho 1234 hộ.";
    expect(personalDataFlags(context(harmless))).toEqual([]);
    expect(maskPersonalData(harmless)).toBe(harmless);
  });
});

describe("links, shouting, repeats, bursts", () => {
  it("flags URLs and bare domains", () => {
    expect(linkFlags(context("Xem thêm tại https://example.com/bai-viet?id=1"))).toEqual([
      { kind: "link", detail: "https://example.com/bai-viet?id=1" },
    ]);
    expect(linkFlags(context("vào www.tin-moi.vn hoặc baomoi.com mà đọc"))).toEqual([
      { kind: "link", detail: "www.tin-moi.vn" },
      { kind: "link", detail: "baomoi.com" },
    ]);
    expect(linkFlags(context("Chi bộ hoạt động tốt. Đề nghị giữ nguyên.Cảm ơn"))).toEqual([]);
  });

  it("flags text that is mostly capitals, Vietnamese capitals included", () => {
    expect(shoutingFlags(context("ĐỀ NGHỊ XEM XÉT LẠI KẾT QUẢ NGAY LẬP TỨC"))).toEqual([{ kind: "shouting", detail: "100%" }]);
    expect(shoutingFlags(context("Đề nghị UBND xã và HĐND xem xét lại kết quả"))).toEqual([]);
    expect(shoutingFlags(context("ĐỒNG Ý"))).toEqual([]);
  });

  it("flags a character repeated six times or more", () => {
    expect(repeatedCharFlags(context("Quá tệ!!!!!!!"))).toEqual([{ kind: "repeated-chars", detail: "!!!!!!!" }]);
    expect(repeatedCharFlags(context("Tốt quáaaaaaa"))).toEqual([{ kind: "repeated-chars", detail: "aaaaaa" }]);
    expect(repeatedCharFlags(context("Rất tốt!!!"))).toEqual([]);
  });

  it("flags a burst once this item makes five similar ones", () => {
    expect(burstFlags(context("x", 3))).toEqual([]);
    expect(burstFlags(context("x", 4))).toEqual([{ kind: "burst", detail: "5" }]);
  });

  it("sees near-identical texts as similar, whatever their diacritics or case", () => {
    expect(similarText("Đề nghị xếp loại lại chi bộ này vì không xứng đáng", "de nghi xep loai lai chi bo nay vi khong xung dang!")).toBe(
      true,
    );
    expect(similarText("Đề nghị xếp loại lại chi bộ này vì không xứng đáng", "Chi bộ làm tốt công tác dân vận, tôi đồng tình")).toBe(false);
  });
});

describe("the pipeline", () => {
  it("runs every check in order and keeps all their flags", () => {
    expect(kinds("ĐỒ NGU!!!!!! GỌI NGAY CHO TÔI 0912345678 HOẶC VÀO fb.com/abc")).toEqual([
      "suspect-word", // "ngu"
      "suspect-word", // "đồ ngu"
      "link",
      "phone",
      "shouting",
      "repeated-chars",
    ]);
    expect(kinds("Chi bộ hoạt động tốt, tôi đồng tình với kết quả xếp loại.")).toEqual([]);
  });
});
