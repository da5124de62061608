/**
 * How a checked `:stat` appears on the page: the number (or the author's words), then how it was
 * computed, shown on hover and keyboard focus, with a link to its chart or its dataset.
 */
import type { PhrasingContent } from 'mdast';
import type { TextDirective } from 'mdast-util-directive';
import { datasetSectionPath } from '../../lib/chart/chart-paths.ts';
import type { ChartSpec } from '../../lib/chart/chart-spec.ts';
import { siteHref } from '../../lib/site-url.ts';
import type { StatResult } from '../../lib/stat/compute-stat.ts';
import { describeStat } from '../../lib/stat/describe-stat.ts';

/** What a stat's presentation needs besides its value. */
export interface StatPresentation {
  /** The author's words of a claim, or `undefined` to print the value. */
  shown: PhrasingContent[] | undefined;
  /** The id of the working's element (`stat-working-1`). */
  workingId: string;
  /** Inside link text or a heading the stat prints alone, with its working as a title. */
  plain: boolean;
  /** A chart of the report drawn from the same column, linked from the working. */
  chart: ChartSpec | undefined;
  /** The path the site is published under. */
  base: string;
  locale: string;
}

/**
 * Turns the `:stat` node into its `<span class="stat">`, in place.
 * @param node The directive.
 * @param result The computed stat.
 * @param presentation What is shown and where it links.
 */
export function presentStat(node: TextDirective, result: StatResult, presentation: StatPresentation): void {
  const { workingId, chart, base, locale } = presentation;
  const shown: PhrasingContent[] = presentation.shown ?? [{ type: 'text', value: result.text }];
  const link: PhrasingContent = {
    type: 'link',
    url: chart ? `#${chart.id}` : siteHref(base, datasetSectionPath(result.dataset.name)),
    children: [{ type: 'text', value: chart ? `See the chart “${chart.title}”` : `Dataset: ${result.dataset.title}` }],
  };
  const working: PhrasingContent = {
    type: 'emphasis',
    // Search indexes the sentence, not its working: excerpts would otherwise repeat every number with its sources.
    data: {
      hName: 'span',
      hProperties: { className: ['stat__working'], role: 'tooltip', id: workingId, dataPagefindIgnore: '' },
    },
    children: [{ type: 'text', value: `${describeStat(result, locale)} ` }, link],
  };
  const data = (node.data ??= {});
  data.hName = 'span';
  if (presentation.plain) {
    node.children = shown;
    data.hProperties = { className: ['stat'], dataStat: '', title: describeStat(result, locale) };
  } else {
    node.children = [...shown, working];
    data.hProperties = { className: ['stat'], dataStat: '', tabIndex: 0, ariaDescribedby: workingId };
  }
}
