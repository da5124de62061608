import { describe, expect, it } from 'vitest';
import { applyFilters, cellText, checkFilters, distinctTexts, parseWhere } from '../../../src/lib/aggregate/where.ts';
import { makeDataset } from './make-dataset.ts';

const engagement = makeDataset(
  'engagement',
  [
    { name: 'year', type: 'year' },
    { name: 'tier', type: 'category' },
    { name: 'engagement_rate', type: 'percent', decimals: 1 },
  ],
  [
    [2016, 'mega', 1.7],
    [2016, 'micro', 2.4],
    [2017, 'mega', 1.5],
    [2017, 'micro', 2.2],
    [2017, 'nano', null],
  ],
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
    ['Apple Music', 2022, 100],
  ],
);

describe('parseWhere', () => {
  it('reads columns separated by spaces and values separated by commas', () => {
    expect(parseWhere('tier=micro,mega year=2016')).toEqual({
      filters: [
        { column: 'tier', values: ['micro', 'mega'] },
        { column: 'year', values: ['2016'] },
      ],
      issues: [],
    });
  });

  it('reads pairs separated by ";" so values can contain spaces', () => {
    expect(parseWhere('service=Apple Music; year=2023')).toEqual({
      filters: [
        { column: 'service', values: ['Apple Music'] },
        { column: 'year', values: ['2023'] },
      ],
      issues: [],
    });
    expect(parseWhere('service=Spotify, Apple Music ;year=2022,2023;')).toEqual({
      filters: [
        { column: 'service', values: ['Spotify', 'Apple Music'] },
        { column: 'year', values: ['2022', '2023'] },
      ],
      issues: [],
    });
  });

  it('reads an empty filter as no filter', () => {
    expect(parseWhere('')).toEqual({ filters: [], issues: [] });
    expect(parseWhere('   ')).toEqual({ filters: [], issues: [] });
  });

  it('keeps values exactly as written, case included', () => {
    expect(parseWhere('tier=Micro')).toEqual({ filters: [{ column: 'tier', values: ['Micro'] }], issues: [] });
  });

  it('rejects a pair without "=" or with an empty value, and keeps the rest', () => {
    const unreadable = (pair: string) => ({
      code: 'TB050',
      what: `the filter "${pair}" cannot be read`,
      expected:
        'column=value or column=value1,value2 (pairs separated by spaces, or by ";" when a value contains a space)',
      received: `"${pair}"`,
      fix: 'Write the filter as where="tier=micro,mega year=2016"',
    });
    expect(parseWhere('tier year=2016')).toEqual({
      filters: [{ column: 'year', values: ['2016'] }],
      issues: [unreadable('tier')],
    });
    expect(parseWhere('tier=')).toEqual({ filters: [], issues: [unreadable('tier=')] });
    expect(parseWhere('=micro')).toEqual({ filters: [], issues: [unreadable('=micro')] });
    expect(parseWhere('tier=micro,,mega')).toEqual({ filters: [], issues: [unreadable('tier=micro,,mega')] });
  });

  it('rejects a value with a space when pairs are separated by spaces', () => {
    expect(parseWhere('service=Apple Music year=2023')).toEqual({
      filters: [
        { column: 'service', values: ['Apple'] },
        { column: 'year', values: ['2023'] },
      ],
      issues: [
        {
          code: 'TB050',
          what: 'the filter "Music" cannot be read',
          expected:
            'column=value or column=value1,value2 (pairs separated by spaces, or by ";" when a value contains a space)',
          received: '"Music"',
          fix: 'Write the filter as where="tier=micro,mega year=2016"',
        },
      ],
    });
  });

  it('rejects a column named twice', () => {
    expect(parseWhere('tier=micro tier=mega')).toEqual({
      filters: [{ column: 'tier', values: ['micro'] }],
      issues: [
        {
          code: 'TB051',
          what: 'the filter names the column "tier" twice',
          expected: 'each column once, with its values separated by commas',
          received: '"tier=micro tier=mega"',
          fix: 'Merge them: tier=a,b',
        },
      ],
    });
  });
});

describe('checkFilters', () => {
  it('accepts columns and values that occur in the data', () => {
    expect(checkFilters(parseWhere('tier=micro,mega year=2016').filters, engagement)).toEqual([]);
    expect(checkFilters(parseWhere('service=Apple Music; year=2022').filters, services)).toEqual([]);
  });

  it('names an unknown column, lists the columns and suggests the closest', () => {
    expect(checkFilters([{ column: 'tiers', values: ['micro'] }], engagement)).toEqual([
      {
        code: 'TB052',
        what: 'the filter names a column "tiers" that data/engagement.csv does not have',
        expected: 'one of "year", "tier" or "engagement_rate"',
        received: '"tiers"',
        fix: 'Did you mean "tier"?',
      },
    ]);
  });

  it('names every unknown value, matching case exactly', () => {
    expect(checkFilters([{ column: 'tier', values: ['Micro', 'giga'] }], engagement)).toEqual([
      {
        code: 'TB053',
        what: 'no row of data/engagement.csv has tier=Micro',
        expected: 'one of "mega", "micro" or "nano"',
        received: '"Micro"',
        fix: 'Did you mean "micro"? Values match the cell\'s text exactly',
      },
      {
        code: 'TB053',
        what: 'no row of data/engagement.csv has tier=giga',
        expected: 'one of "mega", "micro" or "nano"',
        received: '"giga"',
        fix: 'Did you mean "mega"? Values match the cell\'s text exactly',
      },
    ]);
  });

  it('explains a value with nothing close', () => {
    expect(checkFilters([{ column: 'year', values: ['1999'] }], engagement)).toEqual([
      {
        code: 'TB053',
        what: 'no row of data/engagement.csv has year=1999',
        expected: 'one of "2016" or "2017"',
        received: '"1999"',
        fix: 'Use a value that occurs in the column (values match exactly, case included)',
      },
    ]);
  });
});

describe('applyFilters', () => {
  it('keeps the indexes of rows that pass every filter', () => {
    expect(applyFilters(engagement.rows, parseWhere('tier=micro,mega year=2016').filters)).toEqual([0, 1]);
    expect(applyFilters(engagement.rows, parseWhere('year=2017').filters)).toEqual([2, 3, 4]);
    expect(applyFilters(services.rows, parseWhere('service=Apple Music').filters)).toEqual([]);
    expect(applyFilters(services.rows, parseWhere('service=Apple Music; year=2022,2023').filters)).toEqual([1, 2]);
  });

  it('keeps every row without filters', () => {
    expect(applyFilters(engagement.rows, [])).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('cell texts', () => {
  it('compares years by their digits and missing cells as empty', () => {
    expect(cellText(2016)).toBe('2016');
    expect(cellText('Apple Music')).toBe('Apple Music');
    expect(cellText(null)).toBe('');
  });

  it('lists distinct values in order of first appearance, without missing ones', () => {
    expect(distinctTexts(engagement.rows, 'tier')).toEqual(['mega', 'micro', 'nano']);
    expect(distinctTexts(engagement.rows, 'engagement_rate')).toEqual(['1.7', '2.4', '1.5', '2.2']);
  });
});
