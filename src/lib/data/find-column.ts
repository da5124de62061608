/**
 * Finds the columns a chart or a stat names in its dataset: any column by name, or a measured
 * column (a chart's or a stat's `y`), which must hold numbers.
 */
import { issue } from '../error-codes/define.ts';
import { TB138, TB139, TB140 } from '../error-codes/directives.ts';
import { closest, type Issue } from '../errors.ts';
import type { Column } from './columns.ts';
import type { Dataset } from './load-dataset.ts';

const NUMERIC_TYPES = new Set(['number', 'percent', 'currency', 'fraction']);

/**
 * Finds a column by name, or explains which names exist.
 * @param dataset The dataset.
 * @param name The name asked for.
 * @param attribute The attribute that named it, for the message.
 */
export function findColumn(dataset: Dataset, name: string, attribute: string): { column?: Column; issue?: Issue } {
  const column = dataset.columns.find((candidate) => candidate.name === name);
  if (column) return { column };
  const names = dataset.columns.map((candidate) => candidate.name);
  return { issue: issue(TB138, { attribute, name, path: dataset.path, names, suggestion: closest(name, names) }) };
}

/**
 * Finds a column that is measured (a chart's or a stat's `y`): it must exist and
 * hold numbers. A column read as text because some cells are words is accepted
 * when the data loads, so this is where its first word is reported, at the
 * directive that needs numbers.
 * @param dataset The dataset.
 * @param name The name asked for.
 * @param attribute The attribute that named it, for the message.
 */
export function findMeasure(dataset: Dataset, name: string, attribute: string): { column?: Column; issue?: Issue } {
  const found = findColumn(dataset, name, attribute);
  const column = found.column;
  if (!column || NUMERIC_TYPES.has(column.type)) return found;
  if (column.firstText) {
    const cell = column.firstText;
    const args = {
      column: name,
      dataset: dataset.name,
      path: dataset.path,
      line: cell.line,
      cellColumn: cell.column,
      text: cell.text,
      attribute,
    };
    return { issue: issue(TB139, args) };
  }
  return { issue: issue(TB140, { attribute, name, type: column.type, metaPath: dataset.metaPath }) };
}
