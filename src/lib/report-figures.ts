/**
 * Key figures: the big numbers at the top of a report, each computed from the
 * data exactly like a `:stat`.
 */
import { datasetNameIssue, readDataset } from './data/load-dataset.ts';
import type { DatasetLimits } from './data/limits.ts';
import { quote, type Issue } from './errors.ts';
import type { KeyFigure } from './report-frontmatter.ts';
import { computeStat, type StatResult } from './stat/compute-stat.ts';

/** A computed key figure. */
export interface ComputedFigure {
  label: string;
  result: StatResult;
}

/**
 * Computes every key figure, or explains what is wrong with each.
 * @param figures The frontmatter's `figures`.
 * @param root Project root holding `data/`.
 * @param locale Locale for the printed numbers.
 * @param limits Dataset size limits (default: DEFAULT_LIMITS).
 */
export function computeFigures(
  figures: readonly KeyFigure[],
  root: string,
  locale: string,
  limits?: DatasetLimits,
): { figures: ComputedFigure[]; issues: { index: number; attribute: string; issue: Issue }[] } {
  const computed: ComputedFigure[] = [];
  const issues: { index: number; attribute: string; issue: Issue }[] = [];
  figures.forEach((figure, index) => {
    const nameIssue = datasetNameIssue(root, figure.dataset, (name) => `dataset: ${name}`);
    if (nameIssue) {
      issues.push({ index, attribute: 'dataset', issue: nameIssue });
      return;
    }
    const { dataset, problems } = readDataset(root, figure.dataset, limits);
    if (!dataset || problems.length > 0) {
      issues.push({ index, attribute: 'dataset', issue: { what: `the dataset ${quote(figure.dataset)} cannot be used: data/${figure.dataset}.csv has problems (listed below)`, fix: 'Fix the dataset first' } });
      return;
    }
    const { result, issues: found } = computeStat(dataset, figure, locale);
    found.forEach(({ attribute, ...issue }) => { issues.push({ index, attribute, issue }); });
    if (result) computed.push({ label: figure.label, result });
  });
  return { figures: computed, issues };
}
