import { describe, expect, it } from 'vitest';
import { buildChartSpec, type ChartRequest } from '../../../src/lib/chart/build-chart-spec.ts';
import { findColumn } from '../../../src/lib/data/find-column.ts';
import { SITE } from '../../../src/site.config.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const request = (fields: Partial<ChartRequest>): ChartRequest => ({
  id: 'engagement',
  title: 'Engagement by tier',
  dataset: 'engagement',
  y: 'engagement_rate',
  x: 'year',
  type: 'line',
  ...fields,
});

const markerly = {
  id: 'markerly',
  title: 'Markerly survey',
  publisher: 'Marketing Dive',
  year: 2016,
  url: 'https://example.com/markerly',
};
const mediakix = { id: 'mediakix', title: 'Mediakix study' };

/** Mega listed before micro, and a tier the chart may filter out. */
const engagement = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year', label: 'Year' },
    { name: 'tier', type: 'category', label: 'Tier' },
    { name: 'engagement_rate', type: 'percent', label: 'Engagement rate', decimals: 1 },
    { name: 'basis', type: 'category' },
    { name: 'source_id', type: 'category' },
  ],
  [
    [2016, 'mega', 1.7, 'reported', 'markerly'],
    [2016, 'micro', 2.4, 'reported', 'markerly'],
    [2017, 'mega', 1.5, 'illustrative', null],
    [2017, 'micro', 2.2, 'reported', 'markerly'],
    [2017, 'nano', 5.6, 'reported', 'mediakix'],
  ],
  { meta: { title: 'Engagement by tier', sources: [markerly, mediakix], notes: ['Like rates only.'] } },
);

describe('buildChartSpec', () => {
  it('builds the whole spec from small data', () => {
    expect(buildChartSpec(engagement, request({ series: 'tier', where: 'tier=micro,mega' }), SITE)).toEqual({
      issues: [],
      spec: {
        id: 'engagement',
        title: 'Engagement by tier',
        type: 'line',
        locale: 'en-US',
        dataset: { name: 'engagement', title: 'Engagement by tier', path: 'data/engagement.csv' },
        x: {
          column: 'year',
          label: 'Year',
          format: { type: 'year', unit: undefined, decimals: 0 },
          values: [2016, 2017],
          labels: ['2016', '2017'],
          scale: 'time',
          positions: [2016, 2017],
        },
        y: {
          column: 'engagement_rate',
          label: 'Engagement rate',
          format: { type: 'percent', unit: '%', decimals: 1 },
          scale: 'linear',
        },
        seriesColumn: 'tier',
        series: [
          {
            key: 'micro',
            label: 'Micro',
            color: '#1d4ed8',
            darkColor: '#60a5fa',
            values: [2.4, 2.2],
            basis: ['reported', 'reported'],
            ranges: [null, null],
          },
          {
            key: 'mega',
            label: 'Mega / celebrity',
            color: '#be123c',
            darkColor: '#fb7185',
            values: [1.7, 1.5],
            basis: ['reported', 'illustrative'],
            ranges: [null, null],
          },
        ],
        filters: [{ column: 'tier', values: ['micro', 'mega'] }],
        agg: undefined,
        sources: [markerly],
        notes: ['Like rates only.'],
        counts: { points: 4, gaps: 0, illustrative: 1, midpoints: 0 },
        annotations: [],
      },
    });
  });

  it('orders tiers as the config does, whatever the order of rows', () => {
    const { spec } = buildChartSpec(engagement, request({ series: 'tier' }), SITE);
    expect(spec!.series.map((series) => series.key)).toEqual(['nano', 'micro', 'mega']);
  });

  it('follows the order of tiers in the config it is given', () => {
    const reversed = { ...SITE, tiers: [...SITE.tiers].reverse() };
    const { spec } = buildChartSpec(engagement, request({ series: 'tier' }), reversed);
    expect(spec!.series.map((series) => series.key)).toEqual(['mega', 'micro', 'nano']);
  });

  it('colours each tier by its id, not by its position', () => {
    const colours = (where: string) =>
      buildChartSpec(engagement, request({ series: 'tier', where }), SITE).spec!.series.map(
        ({ key, color, darkColor }) => ({ key, color, darkColor }),
      );
    const micro = { key: 'micro', color: '#1d4ed8', darkColor: '#60a5fa' };
    const mega = { key: 'mega', color: '#be123c', darkColor: '#fb7185' };
    const nano = { key: 'nano', color: '#b45309', darkColor: '#fbbf24' };
    expect(colours('')).toEqual([nano, micro, mega]);
    expect(colours('tier=mega')).toEqual([mega]);
    expect(colours('tier=micro')).toEqual([micro]);
    expect(colours('year=2016')).toEqual([micro, mega]);
  });

  it('gives other categories palette colours by their place in the whole dataset, so a filter does not change them', () => {
    const services = makeDataset(
      'services',
      [
        { name: 'service', type: 'category' },
        { name: 'year', type: 'year' },
        { name: 'listeners', type: 'number' },
      ],
      [
        ['Spotify', 2023, 236],
        ['Apple Music', 2023, 107],
        ['Tidal', 2023, 12],
      ],
    );
    const colours = (where: string) =>
      buildChartSpec(services, request({ y: 'listeners', series: 'service', where }), SITE).spec!.series.map(
        ({ key, color }) => [key, color],
      );
    expect(colours('')).toEqual([
      ['Spotify', SITE.palette[0]!.color],
      ['Apple Music', SITE.palette[1]!.color],
      ['Tidal', SITE.palette[2]!.color],
    ]);
    expect(colours('service=Tidal')).toEqual([['Tidal', SITE.palette[2]!.color]]);
  });

  it('labels a single series with the y column', () => {
    const { spec } = buildChartSpec(engagement, request({ where: 'tier=micro' }), SITE);
    expect(spec!.series).toEqual([
      {
        key: '',
        label: 'Engagement rate',
        color: '#1d4ed8',
        darkColor: '#60a5fa',
        values: [2.4, 2.2],
        basis: ['reported', 'reported'],
        ranges: [null, null],
      },
    ]);
  });

  it('marks gaps, illustrative values and midpoints, and counts them', () => {
    const cost = makeDataset(
      'cost',
      [
        { name: 'year', type: 'year' },
        { name: 'tier', type: 'category' },
        { name: 'cost_usd', type: 'currency', unit: 'USD' },
        { name: 'basis', type: 'category' },
      ],
      [
        [2019, 'micro', 500, 'reported'],
        [2020, 'micro', null, 'reported'],
        [2022, 'micro', 300, 'reported'],
        [2022, 'mega', 3100, 'illustrative'],
      ],
      { midpoints: { 2: { cost_usd: [100, 500] } } },
    );
    const { spec } = buildChartSpec(cost, request({ y: 'cost_usd', series: 'tier' }), SITE);
    expect(spec!.series.map(({ key, values, basis, ranges }) => ({ key, values, basis, ranges }))).toEqual([
      {
        key: 'micro',
        values: [500, null, 300],
        basis: ['reported', null, 'reported'],
        ranges: [null, null, [100, 500]],
      },
      { key: 'mega', values: [null, null, 3100], basis: [null, null, 'illustrative'], ranges: [null, null, null] },
    ]);
    expect(spec!.counts).toEqual({ points: 3, gaps: 3, illustrative: 1, midpoints: 1 });
  });

  it('lists every source of the dataset when rows name none', () => {
    const plain = makeDataset(
      'plain',
      [
        { name: 'year', type: 'year' },
        { name: 'value', type: 'number' },
      ],
      [[2016, 1]],
      { meta: { sources: [markerly, mediakix] } },
    );
    expect(buildChartSpec(plain, request({ y: 'value' }), SITE).spec!.sources).toEqual([markerly, mediakix]);
  });

  it('uses a log axis when positive values span a factor of 100', () => {
    const prices = makeDataset(
      'prices',
      [
        { name: 'tier', type: 'category' },
        { name: 'cost', type: 'number' },
      ],
      [
        ['nano', 41],
        ['mega', 7850],
      ],
    );
    expect(buildChartSpec(prices, request({ x: 'tier', y: 'cost' }), SITE).spec!.y.scale).toBe('logarithmic');
    const close = makeDataset(
      'close',
      [
        { name: 'tier', type: 'category' },
        { name: 'cost', type: 'number' },
      ],
      [
        ['nano', 41],
        ['mega', 4000],
      ],
    );
    expect(buildChartSpec(close, request({ x: 'tier', y: 'cost' }), SITE).spec!.y.scale).toBe('linear');
  });

  it('reports every unknown column and filter at once, each with its attribute', () => {
    expect(
      buildChartSpec(
        engagement,
        request({ y: 'engagment_rate', x: 'yaer', series: 'tiers', where: 'tier=Micro' }),
        SITE,
      ),
    ).toEqual({
      issues: [
        {
          attribute: 'y',
          code: 'TB138',
          what: 'y="engagment_rate": data/engagement.csv has no column "engagment_rate"',
          expected: 'one of "year", "tier", "engagement_rate", "basis" or "source_id"',
          received: '"engagment_rate"',
          fix: 'Did you mean "engagement_rate"?',
        },
        {
          attribute: 'x',
          code: 'TB138',
          what: 'x="yaer": data/engagement.csv has no column "yaer"',
          expected: 'one of "year", "tier", "engagement_rate", "basis" or "source_id"',
          received: '"yaer"',
          fix: 'Did you mean "year"?',
        },
        {
          attribute: 'series',
          code: 'TB138',
          what: 'series="tiers": data/engagement.csv has no column "tiers"',
          expected: 'one of "year", "tier", "engagement_rate", "basis" or "source_id"',
          received: '"tiers"',
          fix: 'Did you mean "tier"?',
        },
        {
          attribute: 'where',
          code: 'TB053',
          what: 'no row of data/engagement.csv has tier=Micro',
          expected: 'one of "mega", "micro" or "nano"',
          received: '"Micro"',
          fix: 'Did you mean "micro"? Values match the cell\'s text exactly',
        },
      ],
    });
  });

  it('refuses a text column as y', () => {
    expect(buildChartSpec(engagement, request({ y: 'tier' }), SITE)).toEqual({
      issues: [
        {
          attribute: 'y',
          code: 'TB140',
          what: 'y="tier" is a category column, so there is nothing to measure',
          expected: 'a number, percent, currency or fraction column',
          received: 'category column "tier"',
          fix: 'Pick a numeric column for y, or declare its type in data/engagement.yml',
        },
      ],
    });
  });

  it('blames agg for rows that share a point', () => {
    const { spec, issues } = buildChartSpec(engagement, request({}), SITE);
    expect(spec).toBeUndefined();
    expect(issues.map(({ attribute, what }) => ({ attribute, what }))).toEqual([
      {
        attribute: 'agg',
        what: 'several rows of data/engagement.csv share a point: year=2016 (lines 2, 3); year=2017 (lines 4, 5, 6)',
      },
    ]);
    expect(buildChartSpec(engagement, request({ agg: 'max' }), SITE).spec!.series[0]!.values).toEqual([2.4, 5.6]);
  });
});

describe('findColumn', () => {
  it('finds a column by its exact name', () => {
    expect(findColumn(engagement, 'tier', 'series').column?.name).toBe('tier');
    expect(findColumn(engagement, 'Tier', 'series').issue?.fix).toBe('Did you mean "tier"?');
  });
});
