/**
 * The CSV download of a chart: exactly the points it draws, one row per point.
 * UTF-8 with a byte order mark and CRLF, so Excel opens it correctly; numbers
 * stay numbers; text a spreadsheet would run as a formula is prefixed with `'`
 * (OWASP CSV injection; CHECKLIST F1).
 */
import type { ChartSpec } from './chart-spec.ts';

/** Does this text start a formula in Excel, Sheets or LibreOffice (on any of its lines, after leading spaces)? */
export function isFormulaLike(text: string): boolean {
  return text.split(/\r\n|\r|\n/).some((line) => /^[\s\u00a0\u2000-\u200b\u3000\ufeff]*[=+\-@\t\r]/.test(line)) || /^[\t\r]/.test(text);
}

/**
 * Escapes one text cell for CSV: formula-safe, quoted when needed.
 * @param text The cell's text.
 */
export function escapeCsvText(text: string): string {
  const safe = isFormulaLike(text) ? `'${text}` : text;
  return /[",\r\n]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function cell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  return escapeCsvText(value);
}

/**
 * Builds the CSV text (with BOM) of a chart's data.
 * @param spec The chart.
 */
export function chartCsv(spec: ChartSpec): string {
  const hasSeries = spec.seriesColumn !== undefined;
  const hasRanges = spec.series.some((series) => series.ranges.some(Boolean));
  const header = [spec.x.column, ...(hasSeries ? [spec.seriesColumn!] : []), spec.y.column, 'basis', ...(hasRanges ? ['range_low', 'range_high'] : [])];
  const rows: (string | number | null)[][] = [];
  for (const series of spec.series) {
    spec.x.values.forEach((x, index) => {
      const value = series.values[index] ?? null;
      if (value === null) return;
      const range = series.ranges[index] ?? null;
      rows.push([x, ...(hasSeries ? [series.key] : []), value, series.basis[index] ?? 'reported', ...(hasRanges ? [range?.[0] ?? null, range?.[1] ?? null] : [])]);
    });
  }
  const lines = [header.map(cell).join(','), ...rows.map((row) => row.map(cell).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
