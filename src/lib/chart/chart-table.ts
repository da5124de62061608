/**
 * The data table of a chart, as plain rows: the one model the figure (hast, at
 * build time) and the explorer (DOM, in the browser) both render, so the two
 * tables cannot drift apart. No Node imports: this ships to the browser.
 */
import { formatValue } from '../format.ts';
import type { ChartSpec } from './chart-spec.ts';

/** A table cell: its text, and whether it is an illustrative figure (marked `*`). */
export interface TableCell {
  text: string;
  illustrative: boolean;
}

/** A chart's data as a table. */
export interface ChartTable {
  caption: string;
  /** Column headers: the x column, then one per series. */
  columns: string[];
  rows: { label: string; cells: TableCell[] }[];
}

/**
 * The table for a chart: every x value with each series' value, formatted as on
 * the chart, midpoints with their range (`≈ $300 ($100–$500)`), illustrative values marked `*`.
 * @param spec The chart.
 */
export function chartTable(spec: ChartSpec): ChartTable {
  const format = (value: number | null) => formatValue(value, spec.y.format, spec.locale);
  const single = spec.series.length === 1 && spec.series[0]!.key === '';
  const unit = spec.y.format.unit && spec.y.format.type !== 'year' ? ` (${spec.y.format.unit})` : '';
  return {
    caption: `${spec.title}: ${spec.y.label}${unit}`,
    columns: [spec.x.label, ...spec.series.map((series) => (single ? spec.y.label : series.label))],
    rows: spec.x.labels.map((label, index) => ({
      label,
      cells: spec.series.map((series) => {
        const value = series.values[index] ?? null;
        const range = series.ranges[index];
        const illustrative = series.basis[index] === 'illustrative';
        const text = range ? `≈ ${format(value)} (${format(range[0])}–${format(range[1])})` : format(value);
        return { text: `${text}${illustrative ? ' *' : ''}`, illustrative };
      }),
    })),
  };
}
