/**
 * The data table of a chart, as plain rows: the one model the figure (hast, at
 * build time) and the explorer (DOM, in the browser) both render, so the two
 * tables cannot drift apart. No Node imports: this ships to the browser.
 */
import { formatValue } from '../format.ts';
import { type ChartSpec, percentShares } from './chart-spec.ts';
import { timeTickLabel } from './time-ticks.ts';

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
 * the chart, midpoints with their range (`≈ $300 ($100–$500)`), ranges as `low–high`, a percent stack's values
 * with their shares, illustrative values marked `*`. A scatter's table has a row per point.
 * @param spec The chart.
 */
export function chartTable(spec: ChartSpec): ChartTable {
  if (spec.panels && spec.facet) {
    // Small multiples: every panel's rows, each led by its panel; rows of a panel with no value are left out.
    const tables = spec.panels.map((panel) => ({ panel, table: chartTable(panel) }));
    return {
      caption: `${spec.title}: ${tables[0]?.table.caption.split(': ').slice(1).join(': ') ?? spec.y.label}, by ${spec.facet.label.toLowerCase()}`,
      columns: [spec.facet.label, ...(tables[0]?.table.columns ?? [])],
      rows: tables.flatMap(({ panel, table }) =>
        table.rows
          .filter((row) => row.cells.some((cell) => cell.text !== 'no data'))
          .map((row) => ({
            label: panel.panelTitle ?? '',
            cells: [{ text: row.label, illustrative: false }, ...row.cells],
          })),
      ),
    };
  }
  const format = (value: number | null) => formatValue(value, spec.y.format, spec.locale);
  const single = spec.series.length === 1 && spec.series[0]!.key === '';
  const unit = spec.y.format.unit && spec.y.format.type !== 'year' ? ` (${spec.y.format.unit})` : '';
  const mark = (text: string, illustrative: boolean): TableCell => ({
    text: `${text}${illustrative ? ' *' : ''}`,
    illustrative,
  });
  if (spec.type === 'scatter') {
    const xFormat = (value: number | null) =>
      spec.x.format.type === 'date' && value !== null
        ? timeTickLabel(value, 'month', spec.locale)
        : formatValue(value, spec.x.format, spec.locale);
    return {
      caption: `${spec.title}: ${spec.y.label}${unit} by ${spec.x.label.toLowerCase()}`,
      columns: [
        spec.nameColumn?.label ?? 'Point',
        ...(single ? [] : [seriesHeading(spec)]),
        spec.x.label,
        spec.y.label,
      ],
      rows: spec.series.flatMap((series) =>
        series.values.map((value, index) => {
          const illustrative = series.basis[index] === 'illustrative';
          return {
            label: series.names?.[index] || `Point ${index + 1}`,
            cells: [
              ...(single ? [] : [mark(series.label, false)]),
              mark(xFormat(series.xs?.[index] ?? null), false),
              mark(format(value), illustrative),
            ],
          };
        }),
      ),
    };
  }
  const shares = spec.stack === 'percent' ? percentShares(spec) : undefined;
  const share = (seriesIndex: number, index: number) =>
    formatValue(shares?.[seriesIndex]?.[index] ?? null, { type: 'percent', decimals: 1 }, spec.locale);
  return {
    caption: `${spec.title}: ${spec.y.label}${unit}${spec.stack === 'percent' ? ', with each share of the total' : ''}`,
    columns: [spec.x.label, ...spec.series.map((series) => (single ? spec.y.label : series.label))],
    rows: spec.x.labels.map((label, index) => ({
      label,
      cells: spec.series.map((series, seriesIndex) => {
        const value = series.values[index] ?? null;
        const range = series.ranges[index];
        const illustrative = series.basis[index] === 'illustrative';
        const text =
          spec.type === 'range'
            ? value === null
              ? format(null)
              : `${format(value)}–${format(series.highs?.[index] ?? null)}`
            : range
              ? `≈ ${format(value)} (${format(range[0])}–${format(range[1])})`
              : shares && value !== null
                ? `${format(value)} (${share(seriesIndex, index)})`
                : format(value);
        return mark(text, illustrative);
      }),
    })),
  };
}

/** The heading of a scatter's series column: the series column's name, readable. */
function seriesHeading(spec: ChartSpec): string {
  const column = spec.seriesColumn ?? 'series';
  return column.charAt(0).toUpperCase() + column.slice(1).replace(/_/g, ' ');
}
