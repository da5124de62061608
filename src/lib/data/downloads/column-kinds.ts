/**
 * How a dataset's column is stored in its XLSX and Parquet downloads: as
 * numbers, as days, or as text. The column's type decides, never a guess from
 * the cells: number, percent, currency, fraction and year columns hold
 * numbers; a date column holds days when every value in it is a full ISO day
 * (`2024-04-05`); months (`2024-04`), quarters (`2024-Q2`) and every other
 * column are text, written as they read.
 */
import type { Column } from '../columns.ts';
import type { Dataset } from '../load-dataset.ts';

/** Numbers, days or text. */
export type ColumnKind = 'number' | 'day' | 'text';

/** Column types whose values are numbers (a percent column's 2.4 means 2.4 %, a fraction column's 0.024 too). */
const NUMBER_TYPES = new Set<Column['type']>(['number', 'percent', 'currency', 'fraction', 'year']);

/** A day as an ISO date writes it. */
export interface Day {
  year: number;
  /** 1 to 12. */
  month: number;
  /** 1 to 31. */
  day: number;
}

/**
 * A full ISO day (`2024-04-05`), or `undefined` for anything else (a month, a quarter, a day that does not exist).
 * @param value The value as the dataset holds it.
 */
export function isoDay(value: string): Day | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // A date rolls 2023-02-30 over into March: a day that comes back changed does not exist.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return { year, month, day };
}

/**
 * How one column is stored in the downloads.
 * @param dataset The dataset the column belongs to (its rows are read for a date column).
 * @param column The column.
 */
export function columnKind(dataset: Dataset, column: Column): ColumnKind {
  if (NUMBER_TYPES.has(column.type)) return 'number';
  if (column.type !== 'date') return 'text';
  let days = 0;
  for (const row of dataset.rows) {
    const value = row[column.name] ?? null;
    if (value === null) continue;
    if (typeof value !== 'string' || isoDay(value) === undefined) return 'text';
    days++;
  }
  return days > 0 ? 'day' : 'text';
}
