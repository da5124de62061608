/**
 * "Change since the first year": every series divided by its own first value, × 100, its ranges and high ends
 * alike; a series that starts at zero or below is left out with a note; the table, CSV and alt text say so.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartTable } from '../../../src/lib/chart/chart-table.ts';
import { describeChart } from '../../../src/lib/chart/describe.ts';
import { indexToFirst } from '../../../src/lib/chart/index-to-first.ts';
import { chartCsv } from '../../../src/lib/chart/to-csv.ts';
import { readDataset } from '../../../src/lib/data/load-dataset.ts';
import { exploreSpec } from '../../../src/lib/explore/explore-spec.ts';
import { readState } from '../../../src/lib/explore/explore-state.ts';
import { explorerDataset } from '../../../src/lib/explore/explorer-datasets.ts';
import { SITE } from '../../../src/site.config.ts';
import { engagementSpec, MEGA, MICRO, series } from '../chart/spec-fixtures.ts';

const ROOT = resolve(import.meta.dirname, '../../..');

/** Values rounded as the table shows them, so float noise does not matter. */
const rounded = (values: (number | null)[] | undefined) =>
  values?.map((value) => (value === null ? null : Math.round(value * 1e9) / 1e9));

describe('indexing a chart to its first year', () => {
  it('divides each series by its own first value, × 100, and relabels the measure', () => {
    const spec = engagementSpec({
      x: {
        column: 'year',
        label: 'Year',
        format: { type: 'year', decimals: 0 },
        values: [2016, 2017, 2018, 2019],
        labels: ['2016', '2017', '2018', '2019'],
      },
      series: [
        series('micro', 'Micro', [2, 3, null, 1], MICRO),
        // Its first value is in its second year: that one is 100.
        series('mega', 'Mega / celebrity', [null, 4, 5, 2], MEGA),
      ],
    });
    const indexed = indexToFirst(spec);
    expect(indexed.series.map((item) => rounded(item.values))).toEqual([
      [100, 150, null, 50],
      [null, 100, 125, 50],
    ]);
    expect(indexed.y).toEqual({
      column: 'engagement_rate_index',
      label: 'Engagement rate, first year = 100',
      format: { type: 'number', decimals: 1 },
      scale: 'linear',
    });
    expect(indexed.counts).toEqual({ points: 6, gaps: 2, illustrative: 0, midpoints: 0 });
    expect(indexed.notes).toEqual([]);
    // The spec given is not changed.
    expect(spec.series[0]!.values).toEqual([2, 3, null, 1]);
    expect(spec.y.column).toBe('engagement_rate');
  });

  it('indexes midpoint ranges and range high ends by the same first value', () => {
    const spec = engagementSpec({
      series: [
        series('micro', 'Micro', [200, 300], {
          ...MICRO,
          ranges: [[100, 300], null],
          highs: [400, null],
          basis: ['reported', 'illustrative'],
        }),
      ],
      counts: { points: 2, gaps: 0, illustrative: 1, midpoints: 1 },
    });
    const [micro] = indexToFirst(spec).series;
    expect(micro!.values).toEqual([100, 150]);
    expect(micro!.ranges).toEqual([[50, 150], null]);
    expect(micro!.highs).toEqual([200, null]);
    expect(micro!.basis).toEqual(['reported', 'illustrative']);
    expect(indexToFirst(spec).counts).toEqual({ points: 2, gaps: 0, illustrative: 1, midpoints: 1 });
  });

  it('leaves out a series whose first value is zero or negative, with a note saying why', () => {
    const spec = engagementSpec({
      series: [
        series('micro', 'Micro', [0, 2.2], { ...MICRO, ranges: [[0, 1], null] }),
        series('mega', 'Mega / celebrity', [-1.5, 1.5], MEGA),
        series('macro', 'Macro', [2, 1], MICRO),
      ],
      notes: ['A note of the dataset.'],
      counts: { points: 6, gaps: 0, illustrative: 0, midpoints: 1 },
    });
    const indexed = indexToFirst(spec);
    expect(indexed.series.map((item) => item.values)).toEqual([
      [null, null],
      [null, null],
      [100, 50],
    ]);
    expect(indexed.series[0]!.ranges).toEqual([null, null]);
    expect(indexed.series[0]!.basis).toEqual([null, null]);
    expect(indexed.notes).toEqual([
      'A note of the dataset.',
      'Micro cannot be shown as change since its first year: its first value is 0%, and only a value above zero can be 100.',
      'Mega / celebrity cannot be shown as change since its first year: its first value is -1.5%, and only a value above zero can be 100.',
    ]);
    expect(indexed.counts).toEqual({ points: 2, gaps: 4, illustrative: 0, midpoints: 0 });
    // The table says "no data" where the series was, rather than a misleading number.
    expect(chartTable(indexed).rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['no data', 'no data', '100'],
      ['no data', 'no data', '50'],
    ]);
  });

  it('keeps a log axis only when asked for one, and drops notes at a value of the old measure', () => {
    const spec = engagementSpec({
      y: {
        column: 'engagement_rate',
        label: 'Engagement rate',
        format: { type: 'percent', decimals: 1 },
        scale: 'logarithmic',
      },
      annotations: [
        { kind: 'ref', value: 2, where: '2%', text: 'Average' },
        { kind: 'mark', at: 2016, where: '2016', text: 'A launch' },
      ],
    });
    expect(indexToFirst(spec).y.scale).toBe('linear');
    expect(indexToFirst(spec, { log: true }).y.scale).toBe('logarithmic');
    expect(indexToFirst(spec).annotations).toEqual([{ kind: 'mark', at: 2016, where: '2016', text: 'A launch' }]);
  });

  it('shows in the table, the alt text and the CSV download: "first year = 100", and an _index column', () => {
    const indexed = indexToFirst(engagementSpec());
    expect(chartTable(indexed).caption).toBe('Engagement by tier: Engagement rate, first year = 100');
    expect(chartTable(indexed).rows.map((row) => row.cells.map((cell) => cell.text))).toEqual([
      ['100', '100'],
      ['91.7', '88.2'],
    ]);
    expect(describeChart(indexed)).toContain('Micro fell from 100 in 2016 to 91.7 in 2017.');
    const csv = chartCsv(indexed).replace(/^\uFEFF/, '');
    expect(csv.split(/\r?\n/)[0]).toBe('year,tier,engagement_rate_index,basis');
  });
});

describe('an explorer view with change since the first year', () => {
  const { dataset } = readDataset(ROOT, 'engagement');
  const entry = explorerDataset(
    dataset!,
    SITE.tiers.map((tier) => tier.id),
  )!;

  it('is the report chart’s spec, indexed: every series starts at 100', () => {
    const { state } = readState('?dataset=engagement&y=engagement_rate&type=dot&index=1', [entry]);
    const { spec, issues } = exploreSpec(dataset!, state, entry, SITE);
    expect(issues).toEqual([]);
    expect(spec!.type).toBe('dot');
    expect(spec!.series.map((item) => item.values.find((value) => value !== null))).toEqual(
      spec!.series.map(() => 100),
    );
    expect(spec!.y.label).toBe('Engagement rate, first year = 100');
    // Nano: 4 in 2016, 1.78 in 2026.
    expect(rounded([spec!.series[0]!.values.at(-1)!])).toEqual([44.5]);
  });

  it('is not indexed when the view does not ask', () => {
    const { state } = readState('?dataset=engagement&y=engagement_rate', [entry]);
    expect(exploreSpec(dataset!, state, entry, SITE).spec!.y.label).toBe('Engagement rate');
  });
});
