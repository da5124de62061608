/**
 * Key figures: the big numbers at the top of a report, each computed from the
 * data exactly like a `:stat`.
 */
import type { DatasetLimits } from '../data/limits.ts';
import type { LabelledValue } from '../data/reader-words.ts';
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
  /** Whether the report's card shows it (`card: true`). */
  card: boolean;
  /** Its place in the frontmatter's `figures`, for messages. */
  index: number;
}

/**
 * The figure a report's card shows: only one the author marked `card: true`, never simply the first, which may
 * be a figure the report goes on to refute.
 * @param figures The computed key figures.
 */
export function cardFigure(figures: readonly ComputedFigure[]): ComputedFigure | undefined {
  return figures.find((figure) => figure.card);
}

/**
 * Computes every key figure, or explains what is wrong with each.
 * @param figures The frontmatter's `figures`.
 * @param root Project root holding `data/`.
 * @param locale Locale for the printed numbers.
 * @param limits Dataset size limits (default: DEFAULT_LIMITS).
 * @param labelled Values with fixed labels (the site's tiers), for the workings in readers' words.
 */
export function computeFigures(
  figures: readonly KeyFigure[],
  root: string,
  locale: string,
  limits?: DatasetLimits,
  labelled: readonly LabelledValue[] = [],
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
    const { result, issues: found } = computeStat(dataset, figure, locale, labelled);
    found.forEach(({ attribute, ...issue }) => {
      issues.push({ index, attribute, issue });
    });
    if (result) computed.push({ label: figure.label, result, card: figure.card, index });
  });
  return { figures: computed, issues };
}
