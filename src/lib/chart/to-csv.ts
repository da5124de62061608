/**
 * The CSV download of a chart: exactly the points it draws, one row per point,
 * with whether each is reported or illustrative and, for midpoints, the range.
 */
import { writeCsv } from '../csv-write.ts';
import type { ChartSpec } from './chart-spec.ts';

/**
 * Builds the CSV text (with BOM) of a chart's data.
 * @param spec The chart.
 */
export function chartCsv(spec: ChartSpec): string {
  const { header, rows } = csvTable(spec);
  return writeCsv(header, rows);
}

/**
 * A panel's value of the facet column, as written in the data (its filter holds it).
 * @param panel A panel of small multiples.
 * @param facet The facet column.
 */
export function facetValue(panel: ChartSpec, facet: string): string {
  return panel.filters.find((filter) => filter.column === facet)?.values[0] ?? panel.panelTitle ?? '';
}

/**
 * The CSV's header and rows; small multiples lead each row with its panel's value of the facet column.
 * @param spec The chart.
 */
function csvTable(spec: ChartSpec): { header: string[]; rows: (string | number | null)[][] } {
  if (spec.panels && spec.facet) {
    const facet = spec.facet.column;
    const tables = spec.panels.map((panel) => ({ value: facetValue(panel, facet), table: csvTable(panel) }));
    return {
      header: [facet, ...(tables[0]?.table.header ?? [])],
      rows: tables.flatMap(({ value, table }) => table.rows.map((row) => [value, ...row])),
    };
  }
  const hasSeries = spec.seriesColumn !== undefined;
  const hasRanges = spec.series.some((series) => series.ranges.some(Boolean));
  const scatter = spec.type === 'scatter';
  const header = [
    ...(scatter && spec.nameColumn ? [spec.nameColumn.column] : []),
    spec.x.column,
    ...(hasSeries ? [spec.seriesColumn!] : []),
    spec.y.column,
    ...(spec.y2 ? [spec.y2.column] : []),
    'basis',
    ...(hasRanges ? ['range_low', 'range_high'] : []),
  ];
  const rows: (string | number | null)[][] = [];
  for (const series of spec.series) {
    series.values.forEach((value, index) => {
      if (value === null) return;
      const range = series.ranges[index] ?? null;
      // A scatter's x is its number; a date on a scatter's time line is written back as its year position.
      const x = scatter ? (series.xs?.[index] ?? null) : spec.x.values[index]!;
      rows.push([
        ...(scatter && spec.nameColumn ? [series.names?.[index] ?? ''] : []),
        x,
        ...(hasSeries ? [series.key] : []),
        value,
        ...(spec.y2 ? [series.highs?.[index] ?? null] : []),
        series.basis[index] ?? 'reported',
        ...(hasRanges ? [range?.[0] ?? null, range?.[1] ?? null] : []),
      ]);
    });
  }
  return { header, rows };
}
