/**
 * Writes CSV for people to open in spreadsheets: UTF-8 with a byte order mark
 * and CRLF, so Excel reads it correctly; numbers stay numbers; text a
 * spreadsheet would run as a formula gets a leading `'` (OWASP CSV injection;
 * also after leading spaces and on any line of a multi-line cell: row F1 of tests/checklist/README.md).
 */

/** Does this text start a formula in Excel, Sheets or LibreOffice (on any of its lines, after leading spaces)? */
export function isFormulaLike(text: string): boolean {
  return (
    /^[\t\r]/.test(text) ||
    text.split(/\r\n|\r|\n/).some((line) => /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@]/.test(line))
  );
}

/**
 * Escapes one text cell: formula-safe, quoted when needed.
 * @param text The cell's text.
 */
export function escapeCsvText(text: string): string {
  const safe = isFormulaLike(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * Builds CSV text (with BOM) from a header and rows.
 * @param header Column names.
 * @param rows Cells: numbers are written as numbers, `null` as an empty cell.
 */
export function writeCsv(header: readonly string[], rows: readonly (readonly (string | number | null)[])[]): string {
  const cell = (value: string | number | null) =>
    value === null ? '' : typeof value === 'number' ? String(value) : escapeCsvText(value);
  const lines = [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
