import { describe, expect, it } from 'vitest';
import { groupSeries } from '../../../src/lib/aggregate/series.ts';
import { makeDataset } from './make-dataset.ts';

const engagement = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent', decimals: 1 },
  ],
  [
    [2017, 'mega', 1.5],
    [2016, 'mega', 1.7],
    [2016, 'partner', 3.1],
    [2016, 'micro', 2.4],
    [2017, 'micro', null],
  ],
);
const all = [0, 1, 2, 3, 4];
const tiers = ['nano', 'micro', 'mid_tier', 'macro', 'mega'];

describe('groupSeries', () => {
  it('makes one point per x and series, with years in numeric order', () => {
    expect(groupSeries(engagement, all, { x: 'year', y: 'engagement_rate', series: 'tier', order: tiers })).toEqual({
      grid: {
        xValues: [2016, 2017],
        seriesKeys: ['micro', 'mega', 'partner'],
        points: [
          [
            { value: 2.4, rows: [3] },
            { value: null, rows: [4] },
          ],
          [
            { value: 1.7, rows: [1] },
            { value: 1.5, rows: [0] },
          ],
          [
            { value: 3.1, rows: [2] },
            { value: null, rows: [] },
          ],
        ],
      },
      issues: [],
    });
  });

  it('orders series by first appearance when no order is given', () => {
    expect(groupSeries(engagement, all, { x: 'year', y: 'engagement_rate', series: 'tier' }).grid.seriesKeys).toEqual([
      'mega',
      'partner',
      'micro',
    ]);
  });

  it('makes one unnamed series without a series column', () => {
    expect(groupSeries(engagement, [1, 0], { x: 'year', y: 'engagement_rate' })).toEqual({
      grid: {
        xValues: [2016, 2017],
        seriesKeys: [''],
        points: [
          [
            { value: 1.7, rows: [1] },
            { value: 1.5, rows: [0] },
          ],
        ],
      },
      issues: [],
    });
  });

  it('keeps categories on x in order of appearance', () => {
    expect(groupSeries(engagement, [1, 2, 3], { x: 'tier', y: 'engagement_rate' }).grid.xValues).toEqual([
      'mega',
      'partner',
      'micro',
    ]);
  });

  it('names the lines of rows that share a point when there is no agg', () => {
    const doubled = makeDataset(
      'listeners',
      [
        { name: 'service', type: 'category' },
        { name: 'year', type: 'year' },
        { name: 'listeners', type: 'number' },
      ],
      [
        ['Spotify', 2022, 200],
        ['Spotify', 2022, 210],
        ['Apple Music', 2022, 100],
      ],
    );
    expect(groupSeries(doubled, [0, 1, 2], { x: 'year', y: 'listeners', series: 'service' })).toEqual({
      grid: {
        xValues: [2022],
        seriesKeys: ['Spotify', 'Apple Music'],
        points: [[{ value: 200, rows: [0, 1] }], [{ value: 100, rows: [2] }]],
      },
      issues: [
        {
          code: 'TB054',
          what: 'several rows of data/listeners.csv share a point: service=Spotify, year=2022 (lines 2, 3)',
          expected: 'one row per point, or agg="mean|median|sum|min|max"',
          received: '1 point with several rows',
          fix: 'Add agg="…" to combine them, or narrow the rows with where="…"',
        },
      ],
    });
    expect(groupSeries(doubled, [0, 1, 2], { x: 'year', y: 'listeners', series: 'service', agg: 'sum' })).toEqual({
      grid: {
        xValues: [2022],
        seriesKeys: ['Spotify', 'Apple Music'],
        points: [[{ value: 410, rows: [0, 1] }], [{ value: 100, rows: [2] }]],
      },
      issues: [],
    });
  });

  it('lists at most three shared points and counts the rest', () => {
    const years = [2016, 2017, 2018, 2019, 2020];
    const doubled = makeDataset(
      'doubled',
      [
        { name: 'year', type: 'year' },
        { name: 'value', type: 'number' },
      ],
      years.flatMap((year) => [
        [year, 1],
        [year, 2],
      ]),
    );
    const { issues } = groupSeries(doubled, [...Array(10).keys()], { x: 'year', y: 'value' });
    expect(issues).toEqual([
      {
        code: 'TB054',
        what: 'several rows of data/doubled.csv share a point: year=2016 (lines 2, 3); year=2017 (lines 4, 5); year=2018 (lines 6, 7) and 2 more',
        expected: 'one row per point, or agg="mean|median|sum|min|max"',
        received: '5 points with several rows',
        fix: 'Add agg="…" to combine them, or narrow the rows with where="…"',
      },
    ]);
  });

  it('combines only the values present, and leaves a gap when none is', () => {
    const { grid } = groupSeries(engagement, all, { x: 'year', y: 'engagement_rate', agg: 'mean' });
    expect(grid.points).toEqual([
      [
        { value: (1.7 + 3.1 + 2.4) / 3, rows: [1, 2, 3] },
        { value: 1.5, rows: [0, 4] },
      ],
    ]);
  });

  it('reports a grid with nothing to draw', () => {
    expect(groupSeries(engagement, [], { x: 'year', y: 'engagement_rate' })).toEqual({
      grid: { xValues: [], seriesKeys: [], points: [] },
      issues: [
        {
          code: 'TB056',
          what: 'no rows of data/engagement.csv are left to draw',
          expected: 'rows with a value in "year"',
          received: 'none after filtering',
          fix: 'Check the where="…" filter and the x column',
        },
      ],
    });
  });
});
