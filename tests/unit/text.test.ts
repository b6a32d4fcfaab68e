import { describe, expect, it } from "vitest";
import { escapeRegExp, searchKey, slugify } from "../../models/lib/text";

describe("searchKey", () => {
  it("folds Vietnamese diacritics and đ so residents can type without accents", () => {
    expect(searchKey("Đảng bộ phường Tân Phong")).toBe("dang bo phuong tan phong");
    expect(searchKey("  Chi bộ ấp  Bàu Cá ")).toBe("chi bo ap bau ca");
    expect(searchKey("BIÊN HÒA")).toBe(searchKey("bien hoa"));
  });

  it("treats composed and decomposed input alike", () => {
    expect(searchKey("Hòa".normalize("NFD"))).toBe(searchKey("Hòa".normalize("NFC")));
  });
});

describe("escapeRegExp", () => {
  it("makes user input match literally", () => {
    const pattern = new RegExp(escapeRegExp("a.b*(c)"));
    expect(pattern.test("a.b*(c)")).toBe(true);
    expect(pattern.test("axbbb(c)")).toBe(false);
  });
});

describe("slugify", () => {
  it("gives a URL-safe slug", () => {
    expect(slugify("Đảng bộ Trường THPT Ngô Quyền!")).toBe("dang-bo-truong-thpt-ngo-quyen");
  });
});
