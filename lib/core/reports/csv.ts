/**
 * CSV for spreadsheets: RFC 4180 quoting, CRLF line ends, and a UTF-8 byte order mark so Excel
 * reads Chinese text as UTF-8 instead of the system code page.
 */

export type CsvCell = string | number | null;

const BOM = "\uFEFF";

/**
 * One field. Text starting with = + - @ (or a tab or carriage return) is what spreadsheets run as
 * a formula, so it gets a leading apostrophe (OWASP "CSV injection"); numbers are written as they
 * are, so a negative number stays a number. null is an empty field.
 */
export function csvCell(value: CsvCell): string {
  if (value === null) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole file: BOM, then one CRLF-terminated line per row. */
export function toCsv(rows: readonly (readonly CsvCell[])[]): string {
  return BOM + rows.map((row) => row.map(csvCell).join(",") + "\r\n").join("");
}

/**
 * A Content-Disposition header for a download: `filename` is an ASCII fallback for old clients,
 * `filename*` the real name in UTF-8 (RFC 6266 / RFC 5987).
 */
export function contentDisposition(filename: string, asciiFallback: string): string {
  const ascii = asciiFallback.replace(/[^\x20-\x7e]|["\\]/g, "_");
  // encodeURIComponent leaves ' ( ) * as they are; RFC 5987's attr-char does not allow them.
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}
