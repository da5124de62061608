/**
 * `:stat{…}` → a number from the data, inside a sentence; `:stat[claim]{…}` →
 * the author's words, checked against the data at the claim's precision.
 *
 * ```md
 * Micro averaged :stat{dataset="engagement" y="engagement_rate" where="tier=micro year=2016"}.
 * ```
 * becomes `Micro averaged <span class="stat">2.4%</span>.`
 *
 * The plugin ties the stages together: the attributes (stat-attributes.ts), the dataset, the number
 * (src/lib/stat/compute-stat.ts), the claim (src/lib/stat/check-claim.ts) and the page (stat-presentation.ts).
 */
import type { Root } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { toString as textOf } from 'mdast-util-to-string';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { resolveDirectiveDataset } from '../../lib/data/resolve-directive-dataset.ts';
import { claimIssue, severalNumbersIssue } from '../../lib/stat/check-claim.ts';
import { computeStat, toPageStat } from '../../lib/stat/compute-stat.ts';
import { addProblem, recordProblem, siteBase, sourceOf, type TrendbookRemarkOptions } from './context.ts';
import { readWrittenAttributes, unreadableDirective } from './directive-source.ts';
import { readStatAttributes } from './stat-attributes.ts';
import { presentStat } from './stat-presentation.ts';

/**
 * Replaces every `:stat` with its value, or with its checked claim.
 * @param options Project root and site settings.
 */
export function remarkStat(options: TrendbookRemarkOptions) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    let count = 0;
    file.data.trendbookStats ??= [];
    // Inside link text a second link would nest <a> elements; inside a heading the
    // working would become part of the heading's text and id. There the stat prints alone.
    const plain = new Set<TextDirective>();
    visit(tree, (node) => {
      if (node.type !== 'link' && node.type !== 'heading') return;
      visit(node, 'textDirective', (directive: TextDirective) => {
        plain.add(directive);
      });
    });
    visit(tree, 'textDirective', (node: TextDirective) => {
      if (node.name !== 'stat') return;
      const source = sourceOf(file, node);
      // `:stat` followed by braces remark-directive could not read: say why, rather than "needs dataset".
      const after = typeof file.value === 'string' ? file.value.slice(node.position?.end.offset ?? 0) : '';
      if (!source.includes('{') && after.startsWith('{')) {
        const issue = unreadableDirective('stat', `${source}${after.split('\n')[0]}`);
        recordProblem(file, root, node, issue, issue.offset);
        return;
      }
      const written = readWrittenAttributes(source);
      for (const issue of written.issues) recordProblem(file, root, node, issue, issue.offset);
      const offsetOf = (attribute: string) => written.attributes.find((item) => item.name === attribute)?.offset ?? 0;
      const { request, issues } = readStatAttributes(node.attributes ?? {});
      for (const issue of issues) recordProblem(file, root, node, issue, offsetOf(issue.attribute));
      // Several numbers in the brackets are wrong whatever the data says: reported with the other problems.
      const claimText = node.children.length > 0 ? textOf(node) : undefined;
      const numbersIssue = claimText === undefined ? undefined : severalNumbersIssue(claimText);
      if (numbersIssue) recordProblem(file, root, node, numbersIssue);
      if (!request || written.issues.length > 0) return;

      const { dataset, nameIssue, problems } = resolveDirectiveDataset(
        root,
        request.dataset,
        (name) => `dataset="${name}"`,
        options.config.limits,
      );
      if (nameIssue) {
        recordProblem(file, root, node, nameIssue, offsetOf('dataset'));
        return;
      }
      // The dataset's own problems say it all; a stat adds none of its own.
      if (!dataset) {
        for (const problem of problems) addProblem(file, problem);
        return;
      }
      const computed = computeStat(dataset, request, options.config.locale, options.config.tiers);
      for (const { attribute, ...issue } of computed.issues)
        recordProblem(file, root, node, issue, offsetOf(attribute));
      if (!computed.result) return;

      // A claim in brackets must hold; the author's words are printed unchanged.
      if (numbersIssue) return;
      if (claimText !== undefined) {
        const issue = claimIssue(claimText, computed.result, options.config.locale);
        if (issue) {
          recordProblem(file, root, node, issue);
          return;
        }
      }
      // The number, then how it was computed: shown on hover and keyboard focus.
      const result = computed.result;
      const workingId = `stat-working-${++count}`;
      const chart = (file.data.trendbookCharts ?? []).find(
        (spec) => spec.dataset.name === result.dataset.name && spec.y.column === result.column.name,
      );
      const shown = claimText === undefined ? undefined : node.children;
      presentStat(node, result, {
        shown,
        workingId,
        plain: plain.has(node),
        chart,
        base: siteBase(options),
        locale: options.config.locale,
      });
      (file.data.trendbookStats ??= []).push(toPageStat(result));
    });
  };
}
