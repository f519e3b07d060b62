/**
 * CSV that is safe to open in a spreadsheet: a cell starting with = + - @ (or a tab or carriage
 * return, which some spreadsheets skip before reading a formula) gets a leading apostrophe, so a
 * complaint text such as `=HYPERLINK(…)` is shown as text and never runs.
 */
export function csvCell(value: unknown): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) || s !== s.trim() ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows of cells into CSV text (RFC 4180, CRLF line ends), with a header row. */
export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
