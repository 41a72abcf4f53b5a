// The one CSV writer of the application: every CSV file (lists' exports, audit export, bilan,
// portability, open data) goes through it. Cells are quoted as RFC 4180 says, and a text cell that a
// spreadsheet would read as a formula (first character =, +, -, @, tab or carriage return) is
// prefixed with an apostrophe, OWASP's rule against CSV injection: a company named
// `=HYPERLINK("http://…")` must come out as text, not as a live link. Numbers are written as
// numbers (a negative amount stays a number).
export type CsvValue = string | number | boolean | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: CsvValue, separator = ";"): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const text = neutraliseFormula(value);
  const needsQuotes = text.includes(separator) || /["\n\r]/.test(text);
  return needsQuotes ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(cells: readonly CsvValue[], separator = ";"): string {
  return cells.map((c) => csvCell(c, separator)).join(separator) + "\r\n";
}

/**
 * A whole CSV document. Default: semicolons and a byte-order mark, what French Excel opens
 * correctly; `{ separator: ",", bom: false }` for RFC 4180 consumers (open data).
 */
export function csvDocument(rows: readonly (readonly CsvValue[])[], opts: { separator?: string; bom?: boolean } = {}): string {
  const separator = opts.separator ?? ";";
  return (opts.bom === false ? "" : "\uFEFF") + rows.map((r) => csvLine(r, separator)).join("");
}
