/** Small ChartSpecs written out by hand, for the units that render a spec. */
import type { ChartSpec, SeriesSpec } from '../../../src/lib/chart/chart-spec.ts';

/** A series with every point reported and no ranges. */
export function series(
  key: string,
  label: string,
  values: (number | null)[],
  fields: Partial<SeriesSpec> = {},
): SeriesSpec {
  return {
    key,
    label,
    color: '#1d4ed8',
    darkColor: '#60a5fa',
    values,
    basis: values.map((value) => (value === null ? null : 'reported')),
    ranges: values.map(() => null),
    ...fields,
  };
}

export const MICRO = { color: '#1d4ed8', darkColor: '#60a5fa' };
export const MEGA = { color: '#be123c', darkColor: '#fb7185' };

/** Engagement by tier, 2016–2017, as a line chart (override any field). */
export function engagementSpec(fields: Partial<ChartSpec> = {}): ChartSpec {
  return {
    id: 'engagement',
    title: 'Engagement by tier',
    type: 'line',
    locale: 'en-US',
    dataset: { name: 'engagement', title: 'Engagement by tier', path: 'data/engagement.csv' },
    x: {
      column: 'year',
      label: 'Year',
      format: { type: 'year', decimals: 0 },
      values: [2016, 2017],
      labels: ['2016', '2017'],
    },
    y: {
      column: 'engagement_rate',
      label: 'Engagement rate',
      format: { type: 'percent', unit: '%', decimals: 1 },
      scale: 'linear',
    },
    seriesColumn: 'tier',
    series: [series('micro', 'Micro', [2.4, 2.2], MICRO), series('mega', 'Mega / celebrity', [1.7, 1.5], MEGA)],
    filters: [],
    sources: [],
    notes: [],
    counts: { points: 4, gaps: 0, illustrative: 0, midpoints: 0 },
    ...fields,
  };
}
