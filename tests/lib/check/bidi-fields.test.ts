/**
 * Issue 14: a bidirectional control (U+202E) in a report title, a chart title,
 * a sidecar title or a CSV label passed silently into <title>, feeds, cards and
 * /data/, and a legend drew the label reversed. Every text field now warns at
 * its own line and column (and fails under --strict), and drawn labels leave
 * the control out.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CHART_THEMES, toChartConfig } from '../../../src/lib/chart/to-chart-config.ts';
import { checkProject } from '../../../src/lib/check/check-project.ts';
import { formatProblems } from '../../../src/lib/errors.ts';
import { SITE } from '../../../src/site.config.ts';

const R = '\u202E';
const root = mkdtempSync(join(tmpdir(), 'trendbook-bidi-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
mkdirSync(join(root, 'data'));
mkdirSync(join(root, 'content/reports'), { recursive: true });
writeFileSync(
  join(root, 'data/eng.csv'),
  `year,tier,rate\n2016,micro,3.5\n2016,${R}agem,1.7\n2017,micro,3.4\n2017,${R}agem,1.6\n`,
);
writeFileSync(
  join(root, 'data/eng.yml'),
  `title: "Engagement ${R}rate"\nsources:\n  - id: s1\n    title: Survey${R} 2017\n    publisher: X\n    year: 2017\ncolumns:\n  rate: { type: percent, label: "Rate${R}" }\n`,
);
writeFileSync(
  join(root, 'content/reports/r.md'),
  `---\ntitle: "A ${R}title"\ndescription: Plain ${R}description\ndate: 2025-01-01\nfigures:\n  - label: micro ${R}rate\n    dataset: eng\n    y: rate\n    where: tier=micro year=2016\n---\n\nText.\n\n::chart{dataset="eng" y="rate" series="tier" title="Rate ${R}by tier"}\n`,
);

const TAIL = 'Expected text without invisible direction overrides, received';
const FIX =
  'Delete the invisible character (it often comes from copying text); it can make the text read differently from how it is stored. [TB205]';

describe('bidirectional controls outside the body', () => {
  it('warns for every text field that reaches a reader, at its own line and column', async () => {
    const { problems, warnings } = await checkProject(root, SITE);
    expect(problems).toEqual([]);
    expect(formatProblems(warnings)).toBe(
      [
        `content/reports/r.md:2:11: warning: bidirectional control character U+202E in the field title. ${TAIL} "A \\u202Etitle". ${FIX}`,
        `content/reports/r.md:3:20: warning: bidirectional control character U+202E in the field description. ${TAIL} "Plain \\u202Edescription". ${FIX}`,
        `content/reports/r.md:6:18: warning: bidirectional control character U+202E in the field figures[0].label. ${TAIL} "micro \\u202Erate". ${FIX}`,
        `content/reports/r.md:14:58: warning: bidirectional control character U+202E in the attributes of ::chart. ${TAIL} …"=\\"tier\\" title=\\"Rate \\u202Eby tier\\"}". ${FIX}`,
        `data/eng.csv:3:6: warning: bidirectional control character U+202E in a cell of column "tier". ${TAIL} "\\u202Eagem". ${FIX}`,
        `data/eng.csv:5:6: warning: bidirectional control character U+202E in a cell of column "tier". ${TAIL} "\\u202Eagem". ${FIX}`,
        `data/eng.yml:1:20: warning: bidirectional control character U+202E in the field title. ${TAIL} "Engagement \\u202Erate". ${FIX}`,
        `data/eng.yml:4:18: warning: bidirectional control character U+202E in the field sources[0].title. ${TAIL} "Survey\\u202E 2017". ${FIX}`,
        `data/eng.yml:8:38: warning: bidirectional control character U+202E in the field columns.rate.label. ${TAIL} "Rate\\u202E". ${FIX}`,
        '9 warnings found.',
      ].join('\n'),
    );
  });

  it('fails on them under --strict', async () => {
    const { problems, warnings } = await checkProject(root, SITE, true);
    expect(warnings).toEqual([]);
    expect(problems).toHaveLength(9);
  });

  it('draws legend, axis and tooltip labels without the control, so they do not read reversed', async () => {
    const { reports } = await checkProject(root, SITE);
    const spec = reports[0]!.charts[0]!;
    expect(spec.series.map((series) => series.label)).toContain(`${R}agem`);
    const config = toChartConfig(spec, CHART_THEMES.light);
    const datasets = config.data.datasets.map((dataset) => dataset.label);
    expect(datasets).toHaveLength(2);
    expect(datasets).toContain('agem');
    const legend = (config.options!.plugins!.legend!.labels!.generateLabels as (chart: unknown) => { text: string }[])({
      isDatasetVisible: () => true,
    });
    expect(legend.map((item) => item.text)).toEqual(datasets);
    expect(JSON.stringify([datasets, legend, config.data.labels])).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  });
});
