/**
 * What the explorer offers: each dataset that has something to measure, with
 * its columns, the column that splits series (tiers) and its values, and the
 * years it covers. Built at build time, shipped as JSON; the rows themselves
 * are fetched per dataset when chosen, so a dataset whose rows are over the
 * explorer's download budget is not offered.
 */
import type { Dataset } from '../data/load-dataset.ts';
import { EXPLORE_BUDGET_BYTES, fitsExplorer } from './explore-data.ts';

/** A dataset as the explorer's controls see it. */
export interface ExplorerDataset {
  name: string;
  title: string;
  /** Numeric columns (the y choices), in file order. */
  measures: { name: string; label: string }[];
  /** Columns that can go along the x axis: the year column first, then short category columns. */
  axes: { name: string; label: string }[];
  /** The column that splits series, if any (`tier`, or the first short category column). */
  series?: { name: string; label: string; values: string[] } | undefined;
  /** The years in the data, ascending, when the dataset has a year column. */
  years?: number[] | undefined;
  /** A filter that applies to this dataset, shown as the filter box's example (`column=value`). */
  filterExample?: { column: string; value: string } | undefined;
}

const NUMERIC = new Set(['number', 'percent', 'currency', 'fraction']);
/** Categories with more values than this are not offered as series or axes (a checkbox per value must stay usable). */
const MAX_VALUES = 24;

/**
 * Describes a dataset for the explorer, or returns undefined when it has
 * nothing to measure or its rows are over the download budget.
 * @param dataset The dataset.
 * @param tierOrder Tier ids in configured order, so tiers appear nano → mega.
 * @param budget Most gzip bytes of a dataset's explorer data (default: `EXPLORE_BUDGET_BYTES`).
 */
export function explorerDataset(
  dataset: Dataset,
  tierOrder: readonly string[],
  budget = EXPLORE_BUDGET_BYTES,
): ExplorerDataset | undefined {
  const measures = measuresOf(dataset);
  if (measures.length === 0 || !fitsExplorer(dataset, budget)) return undefined;
  const values = (name: string) => [
    ...new Set(
      dataset.rows
        .map((row) => row[name])
        .filter((value): value is string | number => value !== null)
        .map(String),
    ),
  ];
  const categories = dataset.columns.filter(
    (column) =>
      column.type === 'category' &&
      !['basis', 'source_id'].includes(column.name) &&
      values(column.name).length <= MAX_VALUES,
  );
  const year = dataset.columns.find((column) => column.type === 'year');
  const seriesColumn = categories.find((column) => column.name === 'tier') ?? categories[0];
  const seriesValues = seriesColumn ? values(seriesColumn.name) : [];
  const rank = (value: string) => (tierOrder.includes(value) ? tierOrder.indexOf(value) : tierOrder.length);
  const years = year
    ? (dataset.rows.map((row) => row[year.name]).filter((value) => typeof value === 'number') as number[])
    : [];
  return {
    name: dataset.name,
    title: dataset.meta.title,
    measures,
    axes: [...(year ? [year] : []), ...categories].map(({ name, label }) => ({ name, label })),
    series: seriesColumn
      ? { name: seriesColumn.name, label: seriesColumn.label, values: seriesValues.sort((a, b) => rank(a) - rank(b)) }
      : undefined,
    years: years.length > 0 ? [...new Set(years)].sort((a, b) => a - b) : undefined,
    filterExample: filterExample(dataset, seriesColumn?.name, values),
  };
}

/**
 * The filter box's example for a dataset, so it works as written: a column of short one-word values other than
 * the series (those have their own boxes), the fewest values first; else the series, the years, or any column
 * with a one-word value. Its first such value.
 */
function filterExample(
  dataset: Dataset,
  series: string | undefined,
  values: (name: string) => string[],
): { column: string; value: string } | undefined {
  const word = (value: string) => /^[^\s,;=]{1,20}$/.test(value);
  const others = dataset.columns
    .filter((column) => column.type === 'category' && column.name !== series)
    .map((column) => ({ name: column.name, values: values(column.name) }))
    .filter((column) => column.values.length >= 2 && column.values.every(word))
    .sort((a, b) => a.values.length - b.values.length)
    .map((column) => column.name);
  const year = dataset.columns.find((column) => column.type === 'year')?.name;
  const candidates = [...others, series, year, ...dataset.columns.map((column) => column.name)];
  for (const column of candidates) {
    const value = column === undefined ? undefined : values(column).find(word);
    if (column !== undefined && value !== undefined) return { column, value };
  }
  return undefined;
}

/**
 * Whether the explorer offers a dataset, so a chart of it may link there.
 * @param dataset The dataset.
 */
export function isExplorable(dataset: Dataset): boolean {
  // The same test as explorerDataset's, without reading every row for its categories (a page asks once per chart).
  return hasMeasures(dataset) && fitsExplorer(dataset);
}

/**
 * Whether the explorer has something to measure in a dataset, whatever its size.
 * @param dataset The dataset.
 */
export function hasMeasures(dataset: Dataset): boolean {
  return measuresOf(dataset).length > 0;
}

/** The columns the explorer can measure: numbers, except the bounds of a published range. */
function measuresOf(dataset: Dataset): { name: string; label: string }[] {
  return dataset.columns
    .filter((column) => NUMERIC.has(column.type) && !isRangeBound(dataset, column.name))
    .map(({ name, label }) => ({ name, label }));
}

function isRangeBound(dataset: Dataset, name: string): boolean {
  return dataset.columns.some((column) => column.range?.low === name || column.range?.high === name);
}
