/**
 * Trendbook's remark plugins in the order they must run. The report pipeline
 * (processor.ts) is the one place that uses this list, for the build, the check and the tests.
 */
import remarkDirective from 'remark-directive';
import type { PluggableList } from 'unified';
import type { TrendbookRemarkOptions } from './context.ts';
import { remarkChart } from './remark-chart.ts';
import { remarkDirectives } from './remark-directives.ts';
import { remarkFailOnProblems } from './remark-fail-on-problems.ts';
import { remarkHeadingIds } from './remark-heading-ids.ts';
import { remarkNestingLimit } from './remark-nesting-limit.ts';
import { remarkRawHtml } from './remark-raw-html.ts';
import { remarkSafeLinks } from './remark-safe-links.ts';
import { remarkStat } from './remark-stat.ts';
import { remarkWordCount } from './remark-word-count.ts';

/**
 * The remark plugins for reports.
 * @param options Project root and site settings.
 * @param failOnProblems Throw at the end of each file with its problems (default: `true`).
 */
export function trendbookRemarkPlugins(options: TrendbookRemarkOptions, failOnProblems = true): PluggableList {
  return [
    remarkDirective,
    [remarkNestingLimit, options],
    [remarkRawHtml, options],
    [remarkSafeLinks, options],
    [remarkHeadingIds, options],
    [remarkChart, options],
    [remarkStat, options],
    [remarkDirectives, options],
    [remarkWordCount, options],
    ...(failOnProblems ? [remarkFailOnProblems] : []),
  ];
}
