import { describe, expect, it } from 'vitest';

describe('public surface of the remark plugins', () => {
  it('exports exactly these names', async () => {
    expect(Object.keys(await import('../../../src/plugins/remark/index.ts')).sort()).toEqual(['trendbookRemarkPlugins']);
    expect(Object.keys(await import('../../../src/plugins/remark/remark-chart.ts')).sort()).toEqual(['remarkChart']);
    expect(Object.keys(await import('../../../src/plugins/remark/remark-stat.ts')).sort()).toEqual(['STAT_ATTRIBUTES', 'describeStat', 'describeWorking', 'remarkStat']);
    expect(Object.keys(await import('../../../src/plugins/remark/remark-directives.ts')).sort()).toEqual(['remarkDirectives']);
    expect(Object.keys(await import('../../../src/plugins/remark/remark-fail-on-problems.ts')).sort()).toEqual(['remarkFailOnProblems', 'uniqueProblems']);
    expect(Object.keys(await import('../../../src/plugins/remark/chart-attributes.ts')).sort()).toEqual(['CHART_ATTRIBUTES', 'DIRECTIVE_ATTRIBUTES', 'readChartAttributes', 'slugify']);
  });
});
