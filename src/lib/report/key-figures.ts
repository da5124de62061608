/**
 * Key figures: the big numbers at the top of a report, each computed from the
 * data exactly like a `:stat`.
 */
import type { DatasetLimits } from '../data/limits.ts';
import { resolveDirectiveDataset } from '../data/resolve-directive-dataset.ts';
import { issue } from '../error-codes/define.ts';
import { TB171 } from '../error-codes/reports.ts';
import type { Issue } from '../errors.ts';
import { computeStat, type StatResult } from '../stat/compute-stat.ts';
import type { KeyFigure } from './frontmatter-schema.ts';

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
    const { dataset, nameIssue } = resolveDirectiveDataset(root, figure.dataset, (name) => `dataset: ${name}`, limits);
    if (nameIssue) {
      issues.push({ index, attribute: 'dataset', issue: nameIssue });
      return;
    }
    if (!dataset) {
      issues.push({ index, attribute: 'dataset', issue: issue(TB171, { dataset: figure.dataset }) });
      return;
    }
    const { result, issues: found } = computeStat(dataset, figure, locale);
    found.forEach(({ attribute, ...issue }) => {
      issues.push({ index, attribute, issue });
    });
    if (result) computed.push({ label: figure.label, result });
  });
  return { figures: computed, issues };
}
