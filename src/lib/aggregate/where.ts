/**
 * The `where` filter of `::chart` and `:stat`: `tier=micro,mega year=2016`
 * (space between columns, comma between values), or with `;` between pairs when
 * a value holds a space: `service=Apple Music; year=2023`. Values match the
 * cell's text exactly.
 */

import type { CellValue, Row } from '../data/columns.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { TB050, TB051, TB052, TB053 } from '../error-codes/dataset-use.ts';
import { issue } from '../error-codes/define.ts';
import { closest, type Issue } from '../errors.ts';

/** One column and the values it may take. */
export interface Filter {
  column: string;
  values: string[];
}

/**
 * Splits a filter into its `column=values` pairs: separated by ";" when there is
 * one (values may then hold spaces), else by spaces.
 * @param text A `where` attribute, or the explorer's filter box.
 */
export function wherePairs(text: string): string[] {
  return (text.includes(';') ? text.split(';') : text.split(/\s+/)).map((pair) => pair.trim()).filter(Boolean);
}

/**
 * Parses a `where` attribute.
 * @param text The attribute's value.
 */
export function parseWhere(text: string): { filters: Filter[]; issues: Issue[] } {
  const filters: Filter[] = [];
  const issues: Issue[] = [];
  for (const pair of wherePairs(text)) {
    const equals = pair.indexOf('=');
    const column = pair.slice(0, equals).trim();
    const values = pair
      .slice(equals + 1)
      .split(',')
      .map((value) => value.trim());
    if (equals <= 0 || values.some((value) => value === '')) {
      issues.push(issue(TB050, { pair }));
      continue;
    }
    if (filters.some((filter) => filter.column === column)) {
      issues.push(issue(TB051, { column, text }));
      continue;
    }
    filters.push({ column, values });
  }
  return { filters, issues };
}

/** The text a filter compares with: the cell as written for categories, the number for years. */
export function cellText(value: CellValue): string {
  return value === null ? '' : String(value);
}

/**
 * Checks that every filter names a column of the dataset and values that occur in it.
 * @param filters Parsed filters.
 * @param dataset The dataset they apply to.
 */
export function checkFilters(filters: readonly Filter[], dataset: Dataset): Issue[] {
  const issues: Issue[] = [];
  const names = dataset.columns.map((column) => column.name);
  for (const filter of filters) {
    if (!names.includes(filter.column)) {
      issues.push(
        issue(TB052, { column: filter.column, path: dataset.path, names, suggestion: closest(filter.column, names) }),
      );
      continue;
    }
    const present = distinctTexts(dataset.rows, filter.column);
    for (const value of filter.values) {
      if (present.includes(value)) continue;
      issues.push(
        issue(TB053, {
          column: filter.column,
          value,
          path: dataset.path,
          present,
          suggestion: closest(value, present),
        }),
      );
    }
  }
  return issues;
}

/** Rows (with their indexes) that pass every filter. */
export function applyFilters(rows: readonly Row[], filters: readonly Filter[]): number[] {
  const kept: number[] = [];
  rows.forEach((row, index) => {
    if (filters.every((filter) => filter.values.includes(cellText(row[filter.column] ?? null)))) kept.push(index);
  });
  return kept;
}

/** Distinct non-missing texts of a column, in order of first appearance. */
export function distinctTexts(rows: readonly Row[], column: string): string[] {
  const seen = new Set<string>();
  for (const row of rows) {
    const value = row[column];
    if (value !== null && value !== undefined) seen.add(String(value));
  }
  return [...seen];
}
