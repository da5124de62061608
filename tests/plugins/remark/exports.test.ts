/**
 * The public surface of the remark plugins (unified's `Object.keys(await import(…))`
 * test): adding or removing an export is a deliberate change to this list.
 */
import { describe, expect, it } from 'vitest';

const modules: Record<string, { load: () => Promise<object>; names: string[] }> = {
  'index.ts': { load: () => import('../../../src/plugins/remark/index.ts'), names: ['trendbookRemarkPlugins'] },
  'remark-chart.ts': { load: () => import('../../../src/plugins/remark/remark-chart.ts'), names: ['remarkChart'] },
  'remark-stat.ts': {
    load: () => import('../../../src/plugins/remark/remark-stat.ts'),
    names: ['remarkStat'],
  },
  'stat-attributes.ts': {
    load: () => import('../../../src/plugins/remark/stat-attributes.ts'),
    names: ['STAT_ATTRIBUTES', 'readStatAttributes'],
  },
  'stat-presentation.ts': {
    load: () => import('../../../src/plugins/remark/stat-presentation.ts'),
    names: ['presentStat'],
  },
  'remark-directives.ts': {
    load: () => import('../../../src/plugins/remark/remark-directives.ts'),
    names: ['remarkDirectives'],
  },
  'remark-fail-on-problems.ts': {
    load: () => import('../../../src/plugins/remark/remark-fail-on-problems.ts'),
    names: ['remarkFailOnProblems', 'uniqueProblems'],
  },
  'chart-attributes.ts': {
    load: () => import('../../../src/plugins/remark/chart-attributes.ts'),
    names: ['CHART_ATTRIBUTES', 'DIRECTIVE_ATTRIBUTES', 'readChartAttributes'],
  },
  'remark-word-count.ts': {
    load: () => import('../../../src/plugins/remark/remark-word-count.ts'),
    names: ['MIN_SHOWN_SHARE', 'MIN_SOURCE_WORDS', 'remarkWordCount'],
  },
  'remark-raw-html.ts': {
    load: () => import('../../../src/plugins/remark/remark-raw-html.ts'),
    names: ['remarkRawHtml'],
  },
  'remark-safe-links.ts': {
    load: () => import('../../../src/plugins/remark/remark-safe-links.ts'),
    names: ['isSafeUrl', 'remarkSafeLinks'],
  },
  'remark-nesting-limit.ts': {
    load: () => import('../../../src/plugins/remark/remark-nesting-limit.ts'),
    names: ['MAX_NESTING', 'remarkNestingLimit'],
  },
  'remark-heading-ids.ts': {
    load: () => import('../../../src/plugins/remark/remark-heading-ids.ts'),
    names: ['HEADING_ID_PREFIX', 'headingIds', 'remarkHeadingIds'],
  },
  'context.ts': {
    load: () => import('../../../src/plugins/remark/context.ts'),
    names: ['addProblem', 'problemsOf', 'recordProblem', 'relativePath', 'siteBase', 'sourceOf'],
  },
  'processor.ts': {
    load: () => import('../../../src/plugins/remark/processor.ts'),
    names: ['createReportProcessor', 'renderedReportOf', 'reportMarkdownSettings'],
  },
  'directive-source.ts': {
    load: () => import('../../../src/plugins/remark/directive-source.ts'),
    names: ['backslashQuote', 'readWrittenAttributes', 'unreadableDirective'],
  },
};

describe('public surface of the remark plugins', () => {
  for (const [file, { load, names }] of Object.entries(modules)) {
    it(`src/plugins/remark/${file} exports exactly ${names.join(', ')}`, async () => {
      expect(Object.keys(await load()).sort()).toEqual([...names].sort());
    });
  }

  it('lists every module of src/plugins/remark', async () => {
    const { readdirSync } = await import('node:fs');
    const files = readdirSync(new URL('../../../src/plugins/remark/', import.meta.url)).filter((file) =>
      file.endsWith('.ts'),
    );
    expect(files.sort()).toEqual(Object.keys(modules).sort());
  });

  it('runs remark-directive first and fails last', async () => {
    const { trendbookRemarkPlugins } = await import('../../../src/plugins/remark/index.ts');
    const { remarkChart } = await import('../../../src/plugins/remark/remark-chart.ts');
    const { remarkStat } = await import('../../../src/plugins/remark/remark-stat.ts');
    const { remarkDirectives } = await import('../../../src/plugins/remark/remark-directives.ts');
    const { remarkFailOnProblems } = await import('../../../src/plugins/remark/remark-fail-on-problems.ts');
    const { remarkRawHtml } = await import('../../../src/plugins/remark/remark-raw-html.ts');
    const { remarkSafeLinks } = await import('../../../src/plugins/remark/remark-safe-links.ts');
    const { remarkHeadingIds } = await import('../../../src/plugins/remark/remark-heading-ids.ts');
    const { remarkWordCount } = await import('../../../src/plugins/remark/remark-word-count.ts');
    const { remarkNestingLimit } = await import('../../../src/plugins/remark/remark-nesting-limit.ts');
    const remarkDirective = (await import('remark-directive')).default;
    const options = { root: '/project', config: { tiers: [], palette: [], locale: 'en-US' } };
    const plugin = (entry: unknown) => (Array.isArray(entry) ? entry[0] : entry);
    expect(trendbookRemarkPlugins(options).map(plugin)).toEqual([
      remarkDirective,
      remarkNestingLimit,
      remarkRawHtml,
      remarkSafeLinks,
      remarkHeadingIds,
      remarkChart,
      remarkStat,
      remarkDirectives,
      remarkWordCount,
      remarkFailOnProblems,
    ]);
    expect(trendbookRemarkPlugins(options, false).map(plugin)).toEqual([
      remarkDirective,
      remarkNestingLimit,
      remarkRawHtml,
      remarkSafeLinks,
      remarkHeadingIds,
      remarkChart,
      remarkStat,
      remarkDirectives,
      remarkWordCount,
    ]);
  });

  it('hands pages what the pipeline rendered: the HTML, headings, charts and stats', async () => {
    const { createReportProcessor, renderedReportOf } = await import('../../../src/plugins/remark/processor.ts');
    const { VFile } = await import('vfile');
    const file = new VFile({ value: '## Why it matters\n\nText.\n', path: '/project/content/reports/a.md' });
    const options = { root: '/project', config: { tiers: [], palette: [], locale: 'en-US' } };
    await createReportProcessor(options).process(file);
    expect(renderedReportOf(file)).toEqual({
      html: '<h2 id="section-why-it-matters">Why it matters</h2>\n<p>Text.</p>',
      headings: [{ depth: 2, slug: 'section-why-it-matters', text: 'Why it matters' }],
      charts: [],
      stats: [],
    });
  });
});
