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
  const hasSeries = spec.seriesColumn !== undefined;
  const hasRanges = spec.series.some((series) => series.ranges.some(Boolean));
  const header = [
    spec.x.column,
    ...(hasSeries ? [spec.seriesColumn!] : []),
    spec.y.column,
    'basis',
    ...(hasRanges ? ['range_low', 'range_high'] : []),
  ];
  const rows: (string | number | null)[][] = [];
  for (const series of spec.series) {
    spec.x.values.forEach((x, index) => {
      const value = series.values[index] ?? null;
      if (value === null) return;
      const range = series.ranges[index] ?? null;
      rows.push([
        x,
        ...(hasSeries ? [series.key] : []),
        value,
        series.basis[index] ?? 'reported',
        ...(hasRanges ? [range?.[0] ?? null, range?.[1] ?? null] : []),
      ]);
    });
  }
  return writeCsv(header, rows);
}
