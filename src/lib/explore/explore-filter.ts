/**
 * The explorer's filter box, checked pair by pair against the dataset before
 * drawing: a pair that cannot apply (unreadable, an unknown column or value, a
 * column named twice or already chosen by another control) is left out and
 * said in words, and the rest still applies. The reader's text stays theirs:
 * nothing here empties the box. No Node imports: this ships to the browser.
 */
import { cellText, wherePairs } from '../aggregate/where.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { closest } from '../errors.ts';
import { type ExploreState, shown, toRequest } from './explore-state.ts';
import type { ExplorerDataset } from './explorer-datasets.ts';

/**
 * The pairs of a view's filter that can apply, and a notice for each that cannot.
 * @param state The view, with the reader's filter in `where`.
 * @param entry Its dataset's catalog entry (the example shown when a pair cannot be read).
 * @param dataset The dataset, with its rows.
 * @returns `where` holding only the pairs that apply (as the reader wrote them), and the notices.
 */
export function checkExploreFilter(
  state: ExploreState,
  entry: ExplorerDataset,
  dataset: Pick<Dataset, 'columns' | 'rows'>,
): { where: string; notices: string[] } {
  const pairs = wherePairs(state.where);
  const names = dataset.columns.map((column) => column.name);
  const labels = new Map(dataset.columns.map((column) => [column.name, column.label]));
  // Columns the other controls already filter (the ticked series, the years from and to).
  const chosen = new Set(
    wherePairs(toRequest({ ...state, where: '' }, entry).where ?? '').map((pair) => pair.slice(0, pair.indexOf('='))),
  );
  const seen = new Set<string>();
  const kept: string[] = [];
  const notices: string[] = [];
  for (const pair of pairs) {
    const why = pairProblem(pair);
    if (why === undefined) kept.push(pair);
    else notices.push(`The filter ${shown(pair)} was not applied: ${why}`);
  }
  return { where: kept.join(state.where.includes(';') ? '; ' : ' '), notices };

  function pairProblem(pair: string): string | undefined {
    const equals = pair.indexOf('=');
    const column = pair.slice(0, Math.max(equals, 0)).trim();
    const values = pair
      .slice(equals + 1)
      .split(',')
      .map((value) => value.trim());
    if (equals <= 0 || values.some((value) => value === '')) {
      const example = entry.filterExample;
      return `write a column, "=" and a value${example ? `, for example ${example.column}=${example.value}` : ''}.`;
    }
    if (!names.includes(column)) {
      const suggestion = closest(column, names);
      return `this dataset has no column ${shown(column)}. ${suggestion ? `Did you mean ${shown(suggestion)}?` : `Its columns are ${listAnd(names)}.`}`;
    }
    if (chosen.has(column))
      return `the controls above already choose which ${(labels.get(column) ?? column).toLowerCase()} to show.`;
    if (seen.has(column))
      return `it names the column ${shown(column)} again: put all its values in one pair, separated by commas.`;
    seen.add(column);
    const present = [...new Set(dataset.rows.map((row) => cellText(row[column] ?? null)).filter(Boolean))];
    const missing = values.find((value) => !present.includes(value));
    if (missing === undefined) return undefined;
    const suggestion = closest(missing, present);
    return `no row has ${shown(missing)} in the column ${shown(column)}. ${suggestion ? `Did you mean ${shown(suggestion)}?` : 'Values must match the data exactly, capitals included.'}`;
  }
}

/** "a, b and c". */
function listAnd(items: readonly string[]): string {
  const quoted = items.map((item) => shown(item));
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} and ${quoted.at(-1)}`;
}
