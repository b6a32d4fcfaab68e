import { describe, expect, it } from "vitest";
import { CsvSyntaxError, decodeUtf8, parseCsv, toCsv } from "../../models/csv";

describe("parseCsv", () => {
  it("reads quoted fields with commas, doubled quotes and line breaks, and numbers records by their first line", () => {
    const text = 'code,name\r\nA1,"Chi bộ ""Ấp 1"", xã An Phước"\r\nA2,"two\nlines"\nA3,plain\n';
    expect(parseCsv(text)).toEqual([
      { line: 1, fields: ["code", "name"] },
      { line: 2, fields: ["A1", 'Chi bộ "Ấp 1", xã An Phước'] },
      { line: 3, fields: ["A2", "two\nlines"] },
      { line: 5, fields: ["A3", "plain"] },
    ]);
  });

  it("drops a byte-order mark, skips blank lines and keeps empty fields", () => {
    expect(parseCsv("\uFEFFa,b\n\n,x,\n")).toEqual([
      { line: 1, fields: ["a", "b"] },
      { line: 3, fields: ["", "x", ""] },
    ]);
  });

  it("reports an unclosed quote at the line where its record starts", () => {
    expect(() => parseCsv('a\nb\n"c,d\ne')).toThrow(CsvSyntaxError);
    try {
      parseCsv('a\nb\n"c,d\ne');
    } catch (error) {
      expect((error as CsvSyntaxError).line).toBe(3);
      expect((error as CsvSyntaxError).reason).toBe("unclosedQuote");
    }
  });

  it("refuses a quote in the middle of a field", () => {
    expect(() => parseCsv('a,b"c\n')).toThrow(/strayQuote/);
  });
});

describe("toCsv", () => {
  it("quotes only what must be quoted and round-trips through parseCsv", () => {
    const rows = [
      ["code", "summary"],
      ["X-1", 'Nói "không" với tham nhũng, lãng phí'],
      ["X-2", "dòng 1\ndòng 2"],
      ["X-3", 42],
    ];
    const text = toCsv(rows);
    expect(text.split("\r\n")[0]).toBe("code,summary");
    expect(text).toContain("X-3,42\r\n");
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows.map((r) => r.map(String)));
  });
});

describe("decodeUtf8", () => {
  it("decodes UTF-8 and names the first line that is not UTF-8", () => {
    expect(decodeUtf8(new TextEncoder().encode("Biên Hòa"))).toEqual({ ok: true, text: "Biên Hòa" });
    // "Hòa" in Windows-1258 on line 3: 0xF2 is not valid UTF-8 on its own.
    const latin = new Uint8Array([...new TextEncoder().encode("a\nb\nH"), 0xf2, 0x61, 0x0a, 0x63]);
    expect(decodeUtf8(latin)).toEqual({ ok: false, line: 3 });
  });
});
