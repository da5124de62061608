/**
 * Whole columns of a large dataset used to be spread into
 * `Math.min(...)` / `Math.max(...)`, which throws "Maximum call stack size
 * exceeded" past about 100,000 values. Every computation over a column of
 * 2,000,000 values must give the exact answer.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AGGREGATES, combine } from '../../src/lib/aggregate/combine.ts';
import { buildChartSpec } from '../../src/lib/chart/build-chart-spec.ts';
import { CHART_THEMES, toChartConfig } from '../../src/lib/chart/to-chart-config.ts';
import { datasetSummary } from '../../src/lib/data/dataset-summaries.ts';
import { readDataset } from '../../src/lib/data/load-dataset.ts';
import { extentOf, maxOf, minOf } from '../../src/lib/extent.ts';
import { computeStat } from '../../src/lib/stat/compute-stat.ts';
import { largeDataset } from './large-data.ts';

const COUNT = 2_000_000;
const dataset = largeDataset(COUNT);
const values = dataset.rows.map((row) => row.value as number);
const expected = {
  mean: (COUNT - 1) / 2,
  median: (COUNT - 1) / 2,
  sum: (COUNT * (COUNT - 1)) / 2,
  min: 0,
  max: COUNT - 1,
};
const config = { tiers: [], palette: [{ color: '#1d4ed8', darkColor: '#60a5fa' }], locale: 'en-US' };

describe('2,000,000 values', () => {
  it('finds the smallest and largest without spreading them into arguments', () => {
    expect(values).toHaveLength(COUNT);
    expect(minOf(values)).toBe(0);
    expect(maxOf(values)).toBe(COUNT - 1);
    expect(extentOf(values)).toEqual([0, COUNT - 1]);
    expect([minOf([]), maxOf([]), extentOf([])]).toEqual([undefined, undefined, undefined]);
    expect(extentOf([3, -1, 7, 7, -1])).toEqual([-1, 7]);
  });

  it('combines them with every agg', () => {
    expect(AGGREGATES).toHaveLength(5);
    expect(Object.fromEntries(AGGREGATES.map((aggregate) => [aggregate, combine(values, aggregate)]))).toEqual(
      expected,
    );
  });

  it('computes a :stat over them with every agg', () => {
    expect(AGGREGATES).toHaveLength(5);
    for (const agg of AGGREGATES) {
      const { result, issues } = computeStat(dataset, { dataset: 'large', y: 'value', as: 'value', agg }, 'en-US');
      expect(issues).toEqual([]);
      expect([agg, result?.value, result?.terms[0]?.lines.length]).toEqual([agg, expected[agg], COUNT]);
    }
  });

  it('describes the dataset for the catalogue with its first and last year', () => {
    const entry = datasetSummary(dataset, []);
    expect([entry.rows, entry.years]).toEqual([COUNT, [2000, 2024]]);
  });

  it('draws a chart of them with every agg', () => {
    expect(AGGREGATES).toHaveLength(5);
    for (const agg of AGGREGATES) {
      const { spec, issues } = buildChartSpec(
        dataset,
        { id: 'large', title: 'Large', dataset: 'large', y: 'value', x: 'year', series: 'tier', type: 'line', agg },
        config,
      );
      expect(issues).toEqual([]);
      expect(spec?.series).toHaveLength(5);
      expect(spec?.series[0]?.values).toHaveLength(25);
      expect(toChartConfig(spec!, CHART_THEMES.light).data.datasets).toHaveLength(5);
    }
  });

  it('names the first lines of each point when rows share points and there is no agg', () => {
    const { issues } = buildChartSpec(
      dataset,
      { id: 'large', title: 'Large', dataset: 'large', y: 'value', x: 'year', series: 'tier', type: 'line' },
      config,
    );
    expect(issues.map((issue) => [issue.what, issue.received])).toEqual([
      [
        'several rows of data/large.csv share a point: tier=nano, year=2000 (lines 2, 27, 52, 77, 102, 127, 152, 177, …); tier=nano, year=2005 (lines 7, 32, 57, 82, 107, 132, 157, 182, …); tier=nano, year=2010 (lines 12, 37, 62, 87, 112, 137, 162, 187, …) and 22 more',
        '25 points with several rows',
      ],
    ]);
  });
});

describe('a large file with a problem in every row', () => {
  const root = mkdtempSync(join(tmpdir(), 'trendbook-test-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reports every problem instead of overflowing the stack while collecting them', () => {
    const rows = 150_000;
    mkdirSync(join(root, 'data'));
    writeFileSync(join(root, 'data', 'broken.csv'), `year,value\n${'2024,#DIV/0!\n'.repeat(rows)}`);
    const { problems } = readDataset(root, 'broken');
    expect(problems).toHaveLength(rows);
    expect(problems[0]).toMatchObject({ path: 'data/broken.csv', line: 2, column: 6 });
    expect(problems.at(-1)).toMatchObject({ path: 'data/broken.csv', line: rows + 1, column: 6 });
  });
});
