/**
 * Groups filtered rows into one value per x and series: the grid every chart
 * draws. Pure: rows in, grid out.
 */

import type { Dataset } from '../data/load-dataset.ts';
import { TB054, TB055, TB056 } from '../error-codes/dataset-use.ts';
import { issue } from '../error-codes/define.ts';
import type { Issue } from '../errors.ts';
import { type Aggregate, combine } from './combine.ts';
import { cellText } from './where.ts';

/** What one point of the grid was made from. */
export interface Point {
  value: number | null;
  /** Indexes of the dataset rows behind the point. */
  rows: number[];
}

/** x values (in order) × series keys (in order) → points. */
export interface Grid {
  xValues: (string | number)[];
  seriesKeys: string[];
  /** `points[s][x]` for series `s` and x value `x`. */
  points: Point[][];
}

/** Options for `groupSeries`. */
export interface GroupOptions {
  x: string;
  y: string;
  /** Column that splits the data into series; one series named `''` when absent. */
  series?: string | undefined;
  agg?: Aggregate | undefined;
  /** Preferred order of series keys (tier ids from config); others follow in order of appearance. */
  order?: readonly string[] | undefined;
  /** Preferred order of category x values (tier ids from config); others follow in order of appearance. */
  xOrder?: readonly string[] | undefined;
}

/**
 * Groups rows into a grid of points.
 * @param dataset The dataset.
 * @param indexes Indexes of the rows to use (after filtering).
 * @param options Columns and aggregate.
 */
export function groupSeries(
  dataset: Dataset,
  indexes: readonly number[],
  options: GroupOptions,
): { grid: Grid; issues: Issue[] } {
  const issues: Issue[] = [];
  const xColumn = dataset.columns.find((column) => column.name === options.x);
  const xKeys = new Map<string, string | number>();
  const seriesSeen: string[] = [];
  const cells = new Map<string, number[]>();
  const unplaced: number[] = [];
  for (const index of indexes) {
    const row = dataset.rows[index]!;
    const x = row[options.x] ?? null;
    const series = options.series ? cellText(row[options.series] ?? null) : '';
    // A value with no x or no series has nowhere to go: say so rather than drop it.
    if (x === null || (options.series && series === '')) {
      if (typeof row[options.y] === 'number') unplaced.push(dataset.info[index]!.line);
      continue;
    }
    const key = cellText(x);
    if (!xKeys.has(key)) xKeys.set(key, x);
    if (!seriesSeen.includes(series)) seriesSeen.push(series);
    const cellKey = `${series}\u0000${key}`;
    const list = cells.get(cellKey) ?? [];
    list.push(index);
    cells.set(cellKey, list);
  }
  let xValues = [...xKeys.values()];
  if (xColumn && (xColumn.type === 'year' || xColumn.type === 'number')) {
    xValues.sort((a, b) => Number(a) - Number(b));
  } else if (xColumn?.type === 'date') {
    // ISO dates sort in time order as text.
    xValues.sort((a, b) => (String(a) < String(b) ? -1 : String(a) > String(b) ? 1 : 0));
  } else if (options.xOrder) {
    const preferred = options.xOrder.filter((key) => xKeys.has(key)).map((key) => xKeys.get(key)!);
    xValues = [...preferred, ...xValues.filter((value) => !preferred.includes(value))];
  }
  const order = options.order ?? [];
  const seriesKeys = [
    ...order.filter((key) => seriesSeen.includes(key)),
    ...seriesSeen.filter((key) => !order.includes(key)),
  ];
  const duplicates: string[] = [];
  const points = seriesKeys.map((series) =>
    xValues.map((x) => {
      const rows = cells.get(`${series}\u0000${cellText(x)}`) ?? [];
      const values = rows
        .map((index) => dataset.rows[index]![options.y])
        .filter((value): value is number => typeof value === 'number');
      if (rows.length > 1 && !options.agg) {
        // A point of a large dataset can hold thousands of rows: the first few lines find them.
        const lines = `${rows
          .slice(0, 8)
          .map((index) => dataset.info[index]!.line)
          .join(', ')}${rows.length > 8 ? ', …' : ''}`;
        duplicates.push(
          `${options.series ? `${options.series}=${series}, ` : ''}${options.x}=${cellText(x)} (lines ${lines})`,
        );
        return { value: values[0] ?? null, rows };
      }
      const value = options.agg ? combine(values, options.agg) : (values[0] ?? null);
      return { value, rows };
    }),
  );
  if (duplicates.length > 0) {
    issues.push(issue(TB054, { path: dataset.path, points: duplicates }));
  }
  if (unplaced.length > 0) {
    issues.push(
      issue(TB055, { path: dataset.path, lines: unplaced, x: options.x, series: options.series || undefined }),
    );
  }
  if (xValues.length === 0) {
    issues.push(issue(TB056, { path: dataset.path, x: options.x }));
  }
  return { grid: { xValues, seriesKeys, points }, issues };
}
