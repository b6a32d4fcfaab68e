import { describe, expect, it } from "vitest";
import { BOM, CsvSyntaxError, decodeUtf8, neutraliseCell, parseCsv, restoreCell, toCsv } from "../../models/lib/csv";

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
    expect(text.split("\r\n")[0]).toBe(`${BOM}code,summary`);
    expect(text).toContain("X-3,42\r\n");
    expect(parseCsv(text).map((r) => r.fields)).toEqual(rows.map((r) => r.map(String)));
  });
});

describe("formula neutralisation", () => {
  it("starts every document with a byte-order mark", () => {
    expect(toCsv([["a"]]).startsWith("\uFEFFa\r\n")).toBe(true);
  });

  it("prefixes text that a spreadsheet would run as a formula with a quote mark", () => {
    const text = toCsv([['=HYPERLINK("http://evil.example")', "+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "ok", "a=b"]]);
    const cells = parseCsv(text)[0]!.fields;
    expect(cells).toEqual(['\'=HYPERLINK("http://evil.example")', "'+1", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "ok", "a=b"]);
  });

  it("writes numbers as numbers, negative ones included", () => {
    expect(neutraliseCell(-5)).toBe("-5");
    expect(neutraliseCell(0.25)).toBe("0.25");
    expect(neutraliseCell("-5")).toBe("'-5");
  });

  it("gives back exactly what was written, even text that already starts with a quote mark", () => {
    const values = ["=1+1", "- gạch đầu dòng", "'=already", "''", "'plain", "Đồng Nai", "", "@", "'"];
    for (const value of values) expect(restoreCell(neutraliseCell(value))).toBe(value);
    const cells = parseCsv(toCsv([values]))[0]!.fields.map(restoreCell);
    expect(cells).toEqual(values);
  });

  it("leaves a hand-made cell that merely starts with a quote mark as it is", () => {
    expect(restoreCell("'plain")).toBe("'plain");
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
