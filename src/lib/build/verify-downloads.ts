/**
 * Reads every chart's CSV download back from the built site and compares it
 * with the chart's data: same header and column order, exactly one row per
 * drawn point, every value exact, and nothing changed but the documented `'`
 * before formula-like text. The build fails on any difference. The check reads
 * the file as a spreadsheet does and looks each row up in the chart, rather than
 * writing the expected file a second way, so it cannot share a writer's mistake.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { downloadPath } from '../chart/chart-paths.ts';
import type { ChartSpec } from '../chart/chart-spec.ts';
import { facetValue } from '../chart/to-csv.ts';
import { isFormulaLike } from '../csv-write.ts';

/**
 * Lists every download that differs from its chart (empty when all match).
 * @param outDir The built site.
 * @param reports Published reports and their charts.
 */
export function verifyDownloads(
  outDir: string,
  reports: readonly { slug: string; charts: readonly ChartSpec[] }[],
): string[] {
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
 * The text is read back as a spreadsheet would read it (records end in CRLF; a
 * line break inside a quoted cell belongs to the cell), and each row is matched
 * to the point it claims to be, so a mistake in the writer cannot hide itself.
 * @param text The CSV as written.
 * @param spec The chart.
 */
export function compareDownload(text: string, spec: ChartSpec): string | undefined {
  if (!text.startsWith('\uFEFF')) return 'no UTF-8 byte order mark (Excel would misread accents)';
  const body = text.slice(1);
  // Outside quoted cells, every line break must be CRLF; inside them, a line break is the cell's own.
  const unquoted = body.replace(/"(?:[^"]|"")*"/g, '""');
  if (/\r(?!\n)|(?<!\r)\n/.test(unquoted)) return 'a record ends in LF or CR, not CRLF';
  if (!body.endsWith('\r\n')) return 'the last record does not end in CRLF';
  const parsed = Papa.parse<string[]>(body, { newline: '\r\n', skipEmptyLines: false });
  if (parsed.errors.length > 0) return `does not parse (${parsed.errors[0]!.message})`;
  const [header = [], ...rows] = parsed.data;
  // Papaparse reads the final CRLF as one more, empty record.
  if (rows.at(-1)?.length === 1 && rows.at(-1)![0] === '') rows.pop();
  if (spec.panels && spec.facet) return compareFacets(header, rows, spec, spec.panels, spec.facet.column);
  return compareRows(header, rows, spec);
}

/**
 * Small multiples: each row leads with its panel's value of the facet column; the rest of the rows of a panel
 * must be exactly that panel's download.
 */
function compareFacets(
  header: string[],
  rows: string[][],
  spec: ChartSpec,
  panels: ChartSpec[],
  facet: string,
): string | undefined {
  if (header[0] !== facet) return `header is ${JSON.stringify(header)}, expected ${JSON.stringify(facet)} first`;
  const values = panels.map((panel) => facetValue(panel, facet));
  const stray = rows.find((row) => !values.includes(row[0] ?? ''));
  if (stray) return `a row names ${JSON.stringify(stray[0])}, not a panel of the chart ${spec.id}`;
  for (const [index, panel] of panels.entries()) {
    const own = rows.filter((row) => row[0] === values[index]).map((row) => row.slice(1));
    const difference = compareRows(header.slice(1), own, panel);
    if (difference) return `panel ${JSON.stringify(values[index])}: ${difference}`;
  }
  return undefined;
}

/** Compares a download's header and rows, read back, with its chart. */
function compareRows(header: string[], rows: string[][], spec: ChartSpec): string | undefined {
  // The columns a chart's download holds, in order: where each point is, its value, how it is known.
  const hasSeries = spec.seriesColumn !== undefined;
  const hasRanges = spec.series.some((series) => series.ranges.some(Boolean));
  const scatter = spec.type === 'scatter';
  const named = scatter && spec.nameColumn !== undefined;
  const columns = [
    ...(named ? [spec.nameColumn!.column] : []),
    spec.x.column,
    ...(hasSeries ? [spec.seriesColumn!] : []),
    spec.y.column,
    ...(spec.y2 ? [spec.y2.column] : []),
    'basis',
    ...(hasRanges ? ['range_low', 'range_high'] : []),
  ];
  if (header.length !== columns.length || header.some((name, index) => name !== asWritten(columns[index]!))) {
    return `header is ${JSON.stringify(header)}, expected ${JSON.stringify(columns)}`;
  }
  const points = spec.series.reduce(
    (count, series) => count + series.values.filter((value) => value !== null && value !== undefined).length,
    0,
  );
  if (rows.length !== points) return `${rows.length} rows, expected ${points} (one per point drawn)`;
  if (scatter) return compareScatterRows(rows, columns, spec);

  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const record = `row ${index + 2}`;
    if (row.length !== columns.length)
      return `${record} has ${row.length} cells, expected ${columns.length}: ${JSON.stringify(row)}`;
    const cell = (name: string) => row[columns.indexOf(name)]!;
    const unknown = (name: string, where: string) =>
      isFormulaLike(cell(name)) && Number.isNaN(Number(cell(name)))
        ? `${record}: ${name} ${JSON.stringify(cell(name))} would run as a formula in a spreadsheet (no ' before it)`
        : `${record}: ${name} ${JSON.stringify(cell(name))} is not ${where}`;
    const xIndex = spec.x.values.findIndex((value) => sameValue(cell(spec.x.column), value));
    if (xIndex === -1) return unknown(spec.x.column, "on the chart's x axis");
    const seriesIndex = hasSeries
      ? spec.series.findIndex((series) => sameValue(cell(spec.seriesColumn!), series.key))
      : 0;
    if (seriesIndex === -1) return unknown(spec.seriesColumn!, 'a series of the chart');
    const series = spec.series[seriesIndex]!;
    const point = `${spec.x.column} ${JSON.stringify(String(spec.x.values[xIndex]))}${hasSeries ? `, ${spec.seriesColumn} ${JSON.stringify(series.key)}` : ''}`;
    if (seen.has(`${seriesIndex}:${xIndex}`)) return `${record} repeats the point ${point}`;
    seen.add(`${seriesIndex}:${xIndex}`);
    const value = series.values[xIndex] ?? null;
    if (value === null) return `${record} has a value for ${point}, where the chart has a gap`;
    const range = series.ranges[xIndex] ?? null;
    const expected: [string, string | number | null][] = [
      [spec.y.column, value],
      ...(spec.y2 ? ([[spec.y2.column, series.highs?.[xIndex] ?? null]] as [string, number | null][]) : []),
      ['basis', series.basis[xIndex] ?? 'reported'],
      ...(hasRanges
        ? ([
            ['range_low', range?.[0] ?? null],
            ['range_high', range?.[1] ?? null],
          ] as [string, number | null][])
        : []),
    ];
    for (const [name, want] of expected) {
      if (!sameValue(cell(name), want))
        return `${record}, ${name} of ${point}: ${JSON.stringify(cell(name))}, expected ${JSON.stringify(want === null ? '' : asWritten(want))}`;
    }
  }
  return undefined;
}

/**
 * A scatter's rows: one per point, in the order of its series and points, each holding the point's name,
 * x and y exactly (a scatter has no x values shared by its series, so rows are matched by position).
 */
function compareScatterRows(rows: string[][], columns: string[], spec: ChartSpec): string | undefined {
  const points = spec.series.flatMap((series) =>
    series.values.flatMap((value, index) => (value === null ? [] : [{ series, value, index }])),
  );
  for (const [at, row] of rows.entries()) {
    const record = `row ${at + 2}`;
    if (row.length !== columns.length)
      return `${record} has ${row.length} cells, expected ${columns.length}: ${JSON.stringify(row)}`;
    const { series, value, index } = points[at]!;
    const expected: [string, string | number | null][] = [
      ...(spec.nameColumn ? ([[spec.nameColumn.column, series.names?.[index] ?? '']] as [string, string][]) : []),
      [spec.x.column, series.xs?.[index] ?? null],
      ...(spec.seriesColumn !== undefined ? ([[spec.seriesColumn, series.key]] as [string, string][]) : []),
      [spec.y.column, value],
      ['basis', series.basis[index] ?? 'reported'],
    ];
    for (const [name, want] of expected) {
      const cell = row[columns.indexOf(name)]!;
      if (!sameValue(cell, want))
        return `${record}, ${name} of point ${at + 1}: ${JSON.stringify(cell)}, expected ${JSON.stringify(want === null ? '' : asWritten(want))}`;
    }
  }
  return undefined;
}

/**
 * Whether a cell read back holds a value: a number must read as exactly that
 * number (never as text); text must be exactly the text, with a `'` before it
 * when a spreadsheet would run it as a formula; nothing is an empty cell.
 */
function sameValue(cell: string, value: string | number | null): boolean {
  if (value === null) return cell === '';
  if (typeof value === 'number') return cell.trim() === cell && cell !== '' && Number(cell) === value;
  return cell === asWritten(value);
}

/** Text as a download must hold it: unchanged, but for the documented `'` before formula-like text. */
function asWritten(value: string | number): string {
  return typeof value === 'string' && isFormulaLike(value) ? `'${value}` : String(value);
}
