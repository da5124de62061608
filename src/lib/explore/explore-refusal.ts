/**
 * Why the explorer cannot draw a view, in the reader's words: the chart
 * builder's messages are written for authors (a data file, `column=value`
 * points, line numbers), and a reader of the explorer knows none of those.
 * No Node imports: this ships to the browser.
 */
import type { AttributeIssue } from '../chart/build-chart-spec.ts';
import type { ExploreState } from './explore-state.ts';
import type { ExplorerDataset } from './explorer-datasets.ts';

/**
 * Says why a view cannot be drawn, without file paths, column ids or line numbers.
 * @param issue The first problem the chart builder found.
 * @param state The view.
 * @param entry Its dataset's catalog entry.
 */
export function refusalWords(issue: AttributeIssue | undefined, state: ExploreState, entry: ExplorerDataset): string {
  const along = entry.axes.find((axis) => axis.name === state.x)?.label ?? 'the axis';
  const overYears =
    entry.years !== undefined && state.x === (entry.axes.find((axis) => axis.name === 'year') ?? entry.axes[0])?.name;
  switch (issue?.code) {
    case 'TB054':
      // Several rows on one point: along a category, usually one per year.
      return `several values fall on one point along ${along.toLowerCase()}${
        entry.years && !overYears ? ': choose one year with From and To' : ': narrow the rows with the filter'
      }`;
    case 'TB055':
      return `some values have nothing to place them along ${along.toLowerCase()}`;
    case 'TB056':
    case undefined:
      return 'no values are left to draw';
    default:
      return 'the data cannot be drawn this way';
  }
}
