/**
 * Builds a small Dataset from literal rows, as `loadDataset` would return it,
 * so aggregate, chart and stat units run without files.
 */
import type { CellValue, Column, Row, RowInfo } from '../../../src/lib/data/columns.ts';
import type { Dataset } from '../../../src/lib/data/load-dataset.ts';
import type { DatasetMeta } from '../../../src/lib/data/metadata.ts';

/** A column: name and type, everything else optional. */
export type ColumnSpec = Pick<Column, 'name' | 'type'> & Partial<Column>;

/**
 * Makes a dataset named `name` (at `data/<name>.csv`); row `i` is on line `i + 2`.
 * @param name Dataset name.
 * @param columns Columns in header order.
 * @param rows Cells in header order.
 * @param options Sidecar fields and range midpoints by row index.
 */
export function makeDataset(
  name: string,
  columns: ColumnSpec[],
  rows: CellValue[][],
  options: { meta?: Partial<DatasetMeta>; midpoints?: Record<number, Record<string, [number, number]>> } = {},
): Dataset {
  return {
    name,
    path: `data/${name}.csv`,
    metaPath: `data/${name}.yml`,
    meta: { title: name, sources: [], columns: {}, ...options.meta },
    columns: columns.map((column) => ({
      label: column.name.charAt(0).toUpperCase() + column.name.slice(1).replace(/_/g, ' '),
      decimals: 0,
      missing: 0,
      unit: column.type === 'percent' ? '%' : undefined,
      ...column,
    })),
    rows: rows.map((cells) => {
      const row: Row = Object.create(null) as Row;
      columns.forEach((column, index) => {
        row[column.name] = cells[index] ?? null;
      });
      return row;
    }),
    info: rows.map((_, index): RowInfo => {
      const midpoints = options.midpoints?.[index];
      return midpoints ? { line: index + 2, midpoints } : { line: index + 2 };
    }),
  };
}
