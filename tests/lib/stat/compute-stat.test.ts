import { describe, expect, it } from 'vitest';
import { computeStat, isStatForm, STAT_FORMS, type StatRequest } from '../../../src/lib/stat/compute-stat.ts';
import { makeDataset } from '../aggregate/make-dataset.ts';

const engagement = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent', label: 'Engagement rate', decimals: 1 },
  ],
  [
    [2016, 'micro', 3.5],
    [2016, 'mega', 1.7],
    [2017, 'micro', 2.4],
    [2017, 'mega', 1.5],
    [2017, 'nano', null],
  ],
  { meta: { title: 'Engagement by tier' } },
);

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
    ['Tidal', 2023, 0],
  ],
);

const stat = (fields: Partial<StatRequest>): StatRequest => ({
  dataset: 'engagement',
  y: 'engagement_rate',
  as: 'value',
  ...fields,
});
const engagementInfo = { name: 'engagement', path: 'data/engagement.csv', title: 'Engagement by tier' };
const percent = { type: 'percent', unit: '%', decimals: 1 };

describe('computeStat', () => {
  it('knows the documented forms', () => {
    expect(STAT_FORMS).toEqual(['value', 'ratio', 'percent-more', 'difference']);
    expect(isStatForm('percent')).toBe(false);
  });

  it('prints one value in the column’s format', () => {
    expect(computeStat(engagement, stat({ where: 'tier=micro year=2017' }), 'en-US')).toEqual({
      issues: [],
      result: {
        value: 2.4,
        text: '2.4%',
        format: percent,
        form: 'value',
        terms: [{ value: 2.4, lines: [4], label: '', words: '', text: '2.4%', range: undefined }],
        where: 'tier=micro year=2017',
        whereWords: 'micro, 2017',
        sources: [],
        dataset: engagementInfo,
        column: { name: 'engagement_rate', label: 'Engagement rate' },
      },
    });
  });

  it('computes percent-more as (a − b) / b', () => {
    expect(
      computeStat(engagement, stat({ where: 'year=2017', compare: 'tier=micro/mega', as: 'percent-more' }), 'en-US')
        .result,
    ).toEqual({
      value: ((2.4 - 1.5) / 1.5) * 100,
      text: '60%',
      format: { type: 'percent', unit: '%', decimals: 0 },
      form: 'percent-more',
      terms: [
        { value: 2.4, lines: [4], label: 'micro', words: 'micro', text: '2.4%', range: undefined },
        { value: 1.5, lines: [5], label: 'mega', words: 'mega', text: '1.5%', range: undefined },
      ],
      where: 'year=2017',
      whereWords: '2017',
      sources: [],
      dataset: engagementInfo,
      column: { name: 'engagement_rate', label: 'Engagement rate' },
    });
  });

  it('computes a ratio between values that contain spaces', () => {
    const { result } = computeStat(
      services,
      { dataset: 'services', y: 'listeners', where: 'year=2023', compare: 'service=Spotify/Apple Music', as: 'ratio' },
      'en-US',
    );
    expect(result && { value: result.value, text: result.text, format: result.format, terms: result.terms }).toEqual({
      value: 236 / 107,
      text: '2.2×',
      format: { type: 'number', unit: '×', decimals: 1 },
      terms: [
        { value: 236, lines: [2], label: 'Spotify', words: 'Spotify', text: '236', range: undefined },
        { value: 107, lines: [3], label: 'Apple Music', words: 'Apple Music', text: '107', range: undefined },
      ],
    });
  });

  it('prints a difference of percentages in percentage points', () => {
    const { result } = computeStat(
      engagement,
      stat({ where: 'year=2016', compare: 'tier=micro/mega', as: 'difference' }),
      'en-US',
    );
    expect(result && { value: result.value, text: result.text }).toEqual({ value: 3.5 - 1.7, text: '1.8 pp' });
  });

  it('combines several rows with agg', () => {
    const { result } = computeStat(engagement, stat({ where: 'tier=micro', agg: 'mean' }), 'en-US');
    expect(result && { value: result.value, text: result.text, terms: result.terms }).toEqual({
      value: 2.95,
      text: '3%',
      terms: [{ value: 2.95, lines: [2, 4], label: '', words: '', text: '3%', range: undefined }],
    });
  });

  it('refuses a filter that matches no row with a value', () => {
    expect(computeStat(engagement, stat({ where: 'tier=nano' }), 'en-US')).toEqual({
      issues: [
        {
          attribute: 'where',
          code: 'TB136',
          what: 'no value of "engagement_rate" in data/engagement.csv matches tier=nano',
          expected: 'at least one row with a value',
          received: '1 matching row, all missing a value',
          fix: 'Check the filter, or fill in the value in the CSV',
        },
      ],
    });
    expect(
      computeStat(engagement, stat({ where: 'tier=nano year=2016' }), 'en-US').issues.map((issue) => issue.received),
    ).toEqual(['0 matching rows']);
  });

  it('refuses several rows without agg, naming their lines', () => {
    expect(computeStat(engagement, stat({ where: 'year=2016' }), 'en-US')).toEqual({
      issues: [
        {
          attribute: 'where',
          code: 'TB137',
          what: '2 rows of data/engagement.csv match year=2016 (lines 2, 3)',
          expected: 'one row, or agg="mean|median|sum|min|max"',
          received: '2 rows',
          fix: 'Narrow where="…" to one row, or add agg="…" to combine them',
        },
      ],
    });
  });

  it('refuses a ratio or a percentage of zero', () => {
    expect(
      computeStat(
        services,
        { dataset: 'services', y: 'listeners', compare: 'service=Spotify/Tidal', as: 'percent-more' },
        'en-US',
      ),
    ).toEqual({
      issues: [
        {
          attribute: 'compare',
          code: 'TB135',
          what: 'the second value of the comparison (Tidal) is 0, so there is no percentage',
          expected: 'a non-zero value to compare with',
          received: '0',
          fix: 'Compare with another value, or use as="difference"',
        },
      ],
    });
  });

  it('refuses a comparison form without compare, and compare without a comparison form', () => {
    expect(computeStat(engagement, stat({ where: 'tier=micro year=2016', as: 'ratio' }), 'en-US').issues).toEqual([
      {
        attribute: 'as',
        code: 'TB134',
        what: 'as="ratio" compares two values, but there is no compare="…"',
        expected: 'compare="column=a/b"',
        received: 'no compare attribute',
        fix: 'Add compare="tier=micro/mega" (for example), or remove as="…"',
      },
    ]);
    expect(computeStat(engagement, stat({ where: 'year=2016', compare: 'tier=micro/mega' }), 'en-US').issues).toEqual([
      {
        attribute: 'as',
        code: 'TB133',
        what: 'compare="…" needs as="ratio", "percent-more" or "difference"',
        expected: 'one of "ratio", "percent-more" or "difference"',
        received: 'as="value" (the default)',
        fix: 'Add as="ratio" (6.7×), as="percent-more" (60%) or as="difference"',
      },
    ]);
  });

  it('refuses a compare that is not column=a/b, and a compared column that is also filtered', () => {
    expect(
      computeStat(engagement, stat({ compare: 'tier=micro', as: 'ratio' }), 'en-US').issues.map((issue) => issue.what),
    ).toEqual(['compare="tier=micro" cannot be read']);
    expect(
      computeStat(
        engagement,
        stat({ where: 'tier=micro year=2016', compare: 'tier=micro/mega', as: 'ratio' }),
        'en-US',
      ).issues.map((issue) => issue.what),
    ).toEqual(['the column "tier" is both compared and filtered']);
  });

  it('checks compared values against the data', () => {
    expect(
      computeStat(engagement, stat({ where: 'year=2016', compare: 'tier=micro/Mega', as: 'ratio' }), 'en-US').issues,
    ).toEqual([
      {
        attribute: 'compare',
        code: 'TB053',
        what: 'no row of data/engagement.csv has tier=Mega',
        expected: 'one of "micro", "mega" or "nano"',
        received: '"Mega"',
        fix: 'Did you mean "mega"? Values match the cell\'s text exactly',
      },
    ]);
  });

  it('prints a value of a column declared in millions with its scale word', () => {
    const subscribers = makeDataset(
      'subscribers',
      [
        { name: 'service', type: 'category' },
        { name: 'paid', type: 'number', unit: 'million', decimals: 1 },
        { name: 'year', type: 'year' },
      ],
      [
        ['Spotify', 2.1, 2023],
        ['Spotify', 2.6, 2024],
      ],
    );
    const request = (fields: Partial<StatRequest>): StatRequest => ({
      dataset: 'subscribers',
      y: 'paid',
      as: 'value',
      ...fields,
    });
    expect(computeStat(subscribers, request({ where: 'year=2023' }), 'en-US').result?.text).toBe('2.1 million');
    expect(
      computeStat(subscribers, request({ compare: 'year=2024/2023', as: 'difference' }), 'en-US').result?.text,
    ).toBe('0.5 million');
    expect(computeStat(subscribers, request({ compare: 'year=2024/2023', as: 'ratio' }), 'en-US').result?.text).toBe(
      '1.2×',
    );
  });
});
