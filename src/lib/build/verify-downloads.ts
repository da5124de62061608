/**
 * Reads every chart's CSV download back from the built site and compares it
 * with the chart's data (CHECKLIST F3): same header and column order, one row
 * per drawn point in order, every value exact, and nothing changed but the
 * documented `'` before formula-like text. The build fails on any difference.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { downloadPath } from '../chart/chart-paths.ts';
import { isFormulaLike } from '../csv-write.ts';

/**
 * Lists every download that differs from its chart (empty when all match).
 * @param outDir The built site.
 * @param reports Published reports and their charts.
 */
export function verifyDownloads(outDir: string, reports: readonly { slug: string; charts: readonly ChartSpec[] }[]): string[] {
  const differences: string[] = [];
  for (const { slug, charts } of reports) {
    for (const spec of charts) {
      const path = downloadPath(slug, spec.id, 'csv');
      const file = join(outDir, path);
      if (!existsSync(file)) {
        differences.push(`${path}: missing`);
        continue;
      }
      const difference = compareDownload(readFileSync(file, 'utf8'), spec);
      if (difference) differences.push(`${path}: ${difference}`);
    }
  }
  return differences;
}

/**
 * Compares one download's text with its chart; returns the first difference.
 * @param text The CSV as written.
 * @param spec The chart.
 */
export function compareDownload(text: string, spec: ChartSpec): string | undefined {
  if (!text.startsWith('\uFEFF')) return 'no UTF-8 byte order mark (Excel would misread accents)';
  if (/[^\r]\n/.test(text)) return 'a line ends in LF, not CRLF';
  const parsed = Papa.parse<string[]>(text.slice(1), { newline: '\r\n', skipEmptyLines: true });
  if (parsed.errors.length > 0) return `does not parse (${parsed.errors[0]!.message})`;
  const [header = [], ...rows] = parsed.data.map((row) => row.map(unescapeCell));
  const expected = expectedRows(spec);
  if (header.join(',') !== expected.header.join(',')) return `header is ${JSON.stringify(header)}, expected ${JSON.stringify(expected.header)}`;
  if (rows.length !== expected.rows.length) return `${rows.length} rows, expected ${expected.rows.length} (one per point drawn)`;
  for (const [index, row] of rows.entries()) {
    const want = expected.rows[index]!;
    if (row.length !== want.length || row.some((cell, column) => cell !== want[column])) return `row ${index + 2} is ${JSON.stringify(row)}, expected ${JSON.stringify(want)}`;
  }
  return undefined;
}

/** The chart's points as the cells a download must hold, in order. */
function expectedRows(spec: ChartSpec): { header: string[]; rows: string[][] } {
  const hasSeries = spec.seriesColumn !== undefined;
  const hasRanges = spec.series.some((series) => series.ranges.some(Boolean));
  const header = [spec.x.column, ...(hasSeries ? [spec.seriesColumn!] : []), spec.y.column, 'basis', ...(hasRanges ? ['range_low', 'range_high'] : [])];
  const rows: string[][] = [];
  for (const series of spec.series) {
    spec.x.values.forEach((x, index) => {
      const value = series.values[index];
      if (value === null || value === undefined) return;
      const range = series.ranges[index];
      rows.push([String(x), ...(hasSeries ? [series.key] : []), String(value), series.basis[index] ?? 'reported', ...(hasRanges ? [range ? String(range[0]) : '', range ? String(range[1]) : ''] : [])]);
    });
  }
  return { header, rows };
}

/** Takes off the `'` the writer puts before formula-like text, and only that. */
function unescapeCell(cell: string): string {
  return cell.startsWith("'") && isFormulaLike(cell.slice(1)) ? cell.slice(1) : cell;
}
