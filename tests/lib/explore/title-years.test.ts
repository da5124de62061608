/** The years a view's title names, read against the years its chart plots. */
import { describe, expect, it } from 'vitest';
import type { ChartSpec } from '../../../src/lib/chart/chart-spec.ts';
import { plottedYears, titleYears, titleYearsMismatch } from '../../../src/lib/explore/title-years.ts';

/** A chart over `years` with one series, `null` where nothing is drawn. */
function chart(years: (number | string)[], values: (number | null)[], format: 'year' | 'date' | 'category' = 'year') {
  return {
    type: 'line',
    x: {
      column: 'year',
      label: 'Year',
      format: { type: format, decimals: 0 },
      values: years,
      labels: years.map(String),
    },
    series: [{ key: '', label: 'All', color: '', darkColor: '', values, basis: [], ranges: [] }],
  } as unknown as ChartSpec;
}

describe('the years a title names', () => {
  it('reads ranges, open ends and a single year, however they are written', () => {
    const read = (title: string) => titleYears(title).map(({ text, first, last }) => ({ text, first, last }));
    expect(read('Engagement rate by tier, 2016–2024')).toEqual([{ text: '2016–2024', first: 2016, last: 2024 }]);
    expect(read('Engagement 2016-2024')).toEqual([{ text: '2016-2024', first: 2016, last: 2024 }]);
    expect(read('Engagement 2016 – 24')).toEqual([{ text: '2016 – 24', first: 2016, last: 2024 }]);
    expect(read('Reach from 2016 to 2024')).toEqual([{ text: 'from 2016 to 2024', first: 2016, last: 2024 }]);
    expect(read('Reach between 2016 and 2020')).toEqual([{ text: 'between 2016 and 2020', first: 2016, last: 2020 }]);
    expect(read('Cost per post since 2019, micro vs mega')).toEqual([
      { text: 'since 2019', first: 2019, last: undefined },
    ]);
    expect(read('Cost per post, 2019 onwards')).toEqual([{ text: '2019 onwards', first: 2019, last: undefined }]);
    expect(read('Cost per post up to 2024')).toEqual([{ text: 'up to 2024', first: undefined, last: 2024 }]);
    expect(read('Engagement in 2024')).toEqual([{ text: 'in 2024', first: 2024, last: 2024 }]);
  });

  it('leaves alone years that name no span: a base year, money in a year’s prices, other numbers', () => {
    expect(titleYears('Cost per post, 2019 = 100')).toEqual([]);
    expect(titleYears('Cost per post in 2024 dollars')).toEqual([]);
    expect(titleYears('Top 100 creators by reach')).toEqual([]);
  });
});

describe('the years a chart plots', () => {
  it('are the first and last year with a value, not the axis’s empty ends', () => {
    expect(plottedYears(chart([2015, 2016, 2020, 2026, 2027], [null, 1, 2, 3, null]))).toEqual({
      first: 2016,
      last: 2026,
    });
    expect(plottedYears(chart(['2016-03-01', '2018-12-31'], [1, 2], 'date'))).toEqual({ first: 2016, last: 2018 });
  });

  it('are unknown on an axis of categories', () => {
    expect(plottedYears(chart(['micro', 'mega'], [1, 2], 'category'))).toBeUndefined();
  });
});

describe('a title against its chart', () => {
  const spec = chart([2016, 2020, 2024, 2026], [1, 2, 3, 4]);

  it('agrees when the years it names are the years plotted', () => {
    expect(titleYearsMismatch('Engagement rate by tier, 2016–2026', spec)).toBeUndefined();
    expect(titleYearsMismatch('Engagement rate since 2016', spec)).toBeUndefined();
    expect(titleYearsMismatch('Engagement rate, 2020 = 100', spec)).toBeUndefined();
    expect(titleYearsMismatch('Engagement rate by tier', spec)).toBeUndefined();
  });

  it('disagrees at either end, and proposes the author’s words with the plotted years', () => {
    const at = (title: string) => {
      const found = titleYearsMismatch(title, spec);
      return found && { named: found.named.text, suggestion: found.suggestion };
    };
    expect(at('Engagement rate by tier, 2016–2024')).toEqual({ named: '2016–2024', suggestion: '2016–2026' });
    expect(at('Engagement rate, 2018-26')).toEqual({ named: '2018-26', suggestion: '2016-2026' });
    expect(at('Engagement rate since 2019')).toEqual({ named: 'since 2019', suggestion: 'since 2016' });
    expect(at('Engagement rate through 2025')).toEqual({ named: 'through 2025', suggestion: 'through 2026' });
    expect(at('Engagement rate in 2024')).toEqual({ named: 'in 2024', suggestion: '2016–2026' });
  });
});
