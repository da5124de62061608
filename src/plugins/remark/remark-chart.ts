/**
 * `::chart{…}` → a chart figure (title, canvas, data table, caption).
 *
 * ```md
 * ::chart{#engagement-by-tier dataset="engagement" y="engagement_rate" series="tier" title="Engagement by tier"}
 * ```
 * becomes
 * ```html
 * <figure class="chart" id="engagement-by-tier" data-chart>…<canvas role="img" aria-label="Line chart of …">…</figure>
 * ```
 * Problems (unknown dataset, column or value, duplicate ids) are recorded on the
 * file with their position; `remarkFailOnProblems` reports them all at once.
 */
import { basename } from 'node:path';
import type { Root } from 'mdast';
import type { LeafDirective } from 'mdast-util-directive';
import { visit } from 'unist-util-visit';
import type { VFile } from 'vfile';
import { buildChartSpec } from '../../lib/chart/build-chart-spec.ts';
import { chartFigure } from '../../lib/chart/figure.ts';
import { resolveDirectiveDataset } from '../../lib/data/resolve-directive-dataset.ts';
import { issue } from '../../lib/error-codes/define.ts';
import { TB113, TB114, TB115, TB116 } from '../../lib/error-codes/directives.ts';
import { isExplorable } from '../../lib/explore/explorer-datasets.ts';
import { figureDrawings } from '../../lib/images/image-jobs.ts';
import { chartTitleOverflow, undrawableCardText } from '../../lib/og/render-card.ts';
import { readChartAttributes } from './chart-attributes.ts';
import { addProblem, recordProblem, siteBase, sourceOf, type TrendbookRemarkOptions } from './context.ts';
import { readWrittenAttributes } from './directive-source.ts';
import { headingIds } from './remark-heading-ids.ts';

/** Names of the places a chart may not stand, for messages. */
const CONTEXTS: Record<string, string> = {
  listItem: 'a list item',
  blockquote: 'a blockquote',
  footnoteDefinition: 'a footnote',
  containerDirective: 'a ::: container',
};

/**
 * Turns every `::chart` leaf directive into a chart figure.
 * @param options Project root and site settings.
 */

export function remarkChart(options: TrendbookRemarkOptions) {
  const root = options.root ?? process.cwd();
  return (tree: Root, file: VFile) => {
    const charts = (file.data.trendbookCharts ??= []);
    const headingIdSet = headingIds(tree);
    const seen = new Map<string, number>();

    visit(tree, 'leafDirective', (node: LeafDirective, _index, parent) => {
      if (node.name !== 'chart') return;
      // A chart is a figure of the report itself: inside a list, quote or footnote it would be squeezed or hidden.
      if (parent && parent.type !== 'root') {
        const context = CONTEXTS[parent.type] ?? `a ${parent.type}`;
        recordProblem(file, root, node, issue(TB113, { context }));
        return;
      }
      const source = sourceOf(file, node);
      const written = readWrittenAttributes(source);
      for (const issue of written.issues) recordProblem(file, root, node, issue, issue.offset);
      const offsetOf = (attribute: string) => written.attributes.find((item) => item.name === attribute)?.offset ?? 0;

      // Step 1: attributes.
      const { request, issues } = readChartAttributes(node.attributes ?? {});
      for (const issue of issues) {
        recordProblem(file, root, node, issue, issue.attribute ? offsetOf(issue.attribute) : 0);
      }
      if (!request || written.issues.length > 0) return;

      // Step 2: ids are unique in the report and differ from heading ids.
      const previousLine = seen.get(request.id);
      if (previousLine !== undefined) {
        recordProblem(file, root, node, issue(TB114, { id: request.id, previousLine }), offsetOf('id'));
        return;
      }
      seen.set(request.id, node.position?.start.line ?? 0);
      if (headingIdSet.has(request.id)) {
        recordProblem(file, root, node, issue(TB115, { id: request.id }), offsetOf('id'));
        return;
      }

      // Step 3: the dataset.
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
      if (!dataset) {
        for (const problem of problems) addProblem(file, problem);
        recordProblem(
          file,
          root,
          node,
          issue(TB116, { dataset: request.dataset, count: problems.length }),
          offsetOf('dataset'),
        );
        return;
      }

      // Step 4: the spec, then the figure in place of the directive.
      const built = buildChartSpec(dataset, request, options.config);
      built.issues.forEach((issue) => {
        const { attribute, ...rest } = issue;
        recordProblem(file, root, node, rest, offsetOf(attribute));
      });
      if (!built.spec) return;
      charts.push(built.spec);
      // The page shows every character; the chart's card keeps only what the bundled fonts draw: say which.
      const undrawable = undrawableCardText(built.spec);
      if (undrawable) recordProblem(file, root, node, undrawable);
      // The card and downloads give the title three lines: warn rather than cut it with "…".
      const longTitle = chartTitleOverflow(built.spec);
      if (longTitle) recordProblem(file, root, node, longTitle, offsetOf('title'));
      const drawings = options.drawings === 'later' ? 'later' : figureDrawings(built.spec);
      const figure = chartFigure(built.spec, slugOf(file), siteBase(options), drawings, {
        explorer: isExplorable(dataset),
      });
      const data = (node.data ??= {});
      data.hName = figure.tagName;
      data.hProperties = figure.properties;
      data.hChildren = figure.children;
      node.children = [];
    });
  };
}

/** The report's slug: its file name without `.md`. */
function slugOf(file: VFile): string {
  return basename(file.path ?? 'report.md').replace(/\.md$/, '');
}
