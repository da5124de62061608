/**
 * What readers see of a dataset's values in a chart: labels, legend and tooltips say tiers, dates and
 * snake_case ids in words, never as the ids a CSV holds.
 */
import type { TooltipItem } from 'chart.js';
import { describe, expect, it } from 'vitest';
import { buildChartSpec } from '../../../src/lib/chart/build-chart-spec.ts';
import { CHART_THEMES, toChartConfig } from '../../../src/lib/chart/to-chart-config.ts';
import { valueWords } from '../../../src/lib/data/reader-words.ts';
import { SITE } from '../../../src/site.config.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

describe('a value in readers’ words', () => {
  it('is a tier’s label, a date as the locale writes it, an id in words, or the value as written', () => {
    const tiers = [{ id: 'micro', label: 'Micro' }];
    expect(valueWords('micro', { type: 'category' }, tiers, 'en-US')).toBe('Micro');
    expect(valueWords('2024-03', { type: 'date' }, tiers, 'en-US')).toBe('Mar 2024');
    expect(valueWords('engagement_uplift', { type: 'category' }, tiers, 'en-US')).toBe('Engagement uplift');
    expect(valueWords('band_10k_50k', { type: 'category' }, tiers, 'en-US')).toBe('Band 10k 50k');
    // Anything else is the author's own spelling: capitals, spaces, a lone word.
    for (const kept of ['Spotify', 'Apple Music', 'nano', 'A_B', '_private', 'x_'])
      expect(valueWords(kept, { type: 'category' }, tiers, 'en-US')).toBe(kept);
    expect(valueWords(2024, { type: 'year' }, tiers, 'en-US')).toBe('2024');
  });
});

describe('a chart over ids', () => {
  const dataset = makeDataset(
    'bands',
    [
      { name: 'band', type: 'category' },
      { name: 'platform', type: 'category' },
      { name: 'engagement_rate', type: 'percent', label: 'Engagement rate', decimals: 1 },
    ],
    [
      ['band_under_1k', 'short_video', 9.1],
      ['band_over_1m', 'short_video', 1.7],
      ['band_under_1k', 'photo_feed', 5.2],
      ['band_over_1m', 'photo_feed', 1.1],
    ],
  );
  const built = buildChartSpec(
    dataset,
    {
      id: 'bands',
      title: 'By band',
      dataset: 'bands',
      y: 'engagement_rate',
      x: 'band',
      series: 'platform',
      type: 'bar',
    },
    SITE,
  );

  it('labels categories, series and tooltips in words', () => {
    const spec = built.spec!;
    expect(spec.x.labels).toEqual(['Band under 1k', 'Band over 1m']);
    expect(spec.series.map((series) => series.label)).toEqual(['Short video', 'Photo feed']);
    const config = toChartConfig(spec, CHART_THEMES.light);
    const callbacks = config.options!.plugins!.tooltip!.callbacks!;
    const item = { datasetIndex: 1, dataIndex: 0 } as TooltipItem<'bar'>;
    const title = (callbacks.title as (items: TooltipItem<'bar'>[]) => string).call(undefined as never, [item]);
    const label = (callbacks.label as (item: TooltipItem<'bar'>) => string).call(undefined as never, item);
    expect(`${title} ${label}`).toBe('Band under 1k Photo feed: 5.2%');
  });
});
