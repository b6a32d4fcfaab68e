/** A record of a CSV file and the (1-based) physical line it starts on, for error reports. */
export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  constructor(
    readonly line: number,
    readonly reason: "unclosedQuote" | "strayQuote",
  ) {
    super(`line ${line}: ${reason}`);
  }
}

/**
 * Parses RFC 4180 CSV: comma separated, fields optionally in double quotes, `""` inside quotes
 * is one quote, quoted fields may hold commas and line breaks; CRLF or LF ends a record.
 * A leading byte-order mark is dropped and blank lines are skipped.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const source = text.startsWith("\uFEFF") ? text.slice(1) : text;
  let fields: string[] = [];
  let field = "";
  let line = 1;
  let recordLine = 1;
  let quoted = false;
  let fieldStarted = false;
  let i = 0;

  const endField = () => {
    fields.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRecord = () => {
    endField();
    const blank = fields.length === 1 && fields[0] === "";
    if (!blank) records.push({ line: recordLine, fields });
    fields = [];
  };

  while (i < source.length) {
    const ch = source[i]!;
    if (quoted) {
      if (ch === '"') {
        if (source[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        const next = source[i + 1];
        if (next !== undefined && next !== "," && next !== "\n" && next !== "\r") throw new CsvSyntaxError(line, "strayQuote");
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === '"') {
      if (fieldStarted) throw new CsvSyntaxError(line, "strayQuote");
      quoted = true;
      fieldStarted = true;
    } else if (ch === ",") {
      endField();
    } else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && source[i + 1] === "\n") i++;
      endRecord();
      line++;
      recordLine = line;
    } else {
      field += ch;
      fieldStarted = true;
    }
    i++;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, "unclosedQuote");
  if (field !== "" || fields.length > 0) endRecord();
  return records;
}

/** A byte-order mark, so spreadsheet programs read the file as UTF-8 and show Vietnamese correctly. */
export const BOM = "\uFEFF";

/** Text a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, tab, carriage return). */
const FORMULA_START = /^[=+\-@\t\r]/;
/** A cell neutralised by us (or text that merely looks like one): `'` then a formula start or another `'`. */
const NEUTRALISED = /^'[=+\-@\t\r']/;

/**
 * Text cells that a spreadsheet would treat as a formula get a leading `'` (shown, never evaluated).
 * Text that already looks neutralised gets one too, so restoreCell gives back exactly what was written.
 * Numbers are written as numbers: a negative number is a value, not a formula.
 */
export function neutraliseCell(value: string | number): string {
  const text = String(value);
  if (typeof value === "number") return text;
  return FORMULA_START.test(text) || NEUTRALISED.test(text) ? `'${text}` : text;
}

/** The inverse of neutraliseCell, for reading the product's own files back (the import). */
export function restoreCell(text: string): string {
  return NEUTRALISED.test(text) ? text.slice(1) : text;
}

/** Quotes a field only when it must be: commas, quotes, line breaks or edge spaces. */
function csvField(value: string | number): string {
  const text = neutraliseCell(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Serialises rows as the CSV every download of the product is: a BOM, RFC 4180 quoting, CRLF line ends,
 * and formula-like text cells neutralised (see neutraliseCell).
 */
export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((row) => row.map(csvField).join(",")).join("\r\n") + "\r\n";
}

/**
 * Decodes bytes as UTF-8, refusing anything else. On failure returns the first line that holds
 * invalid bytes, so the report can say where (e.g. a file saved as Windows-1258 by Excel).
 */
export function decodeUtf8(bytes: Uint8Array): { ok: true; text: string } | { ok: false; line: number } {
  try {
    return { ok: true, text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    let line = 1;
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i < bytes.length && bytes[i] !== 0x0a) continue;
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start, i));
      } catch {
        return { ok: false, line };
      }
      line++;
      start = i + 1;
    }
    return { ok: false, line: 1 };
  }
}
