/**
 * Date columns: days, months and quarters, one precision per column; their
 * positions on a time line; and how they read.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { datePrecision, dateToYears, formatDate, formatTimeTick, yearsToDate } from '../../../src/lib/data/dates.ts';
import { readDataset } from '../../../src/lib/data/load-dataset.ts';
import { formatProblems } from '../../../src/lib/errors.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-dates-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** Reads `data/input.csv` (with `data/input.yml` when given) from a new project. */
function read(csv: string, yml?: string) {
  const root = mkdtempSync(join(temp, 'project-'));
  mkdirSync(join(root, 'data'));
  writeFileSync(join(root, 'data', 'input.csv'), csv);
  if (yml !== undefined) writeFileSync(join(root, 'data', 'input.yml'), yml);
  return readDataset(root, 'input');
}

/** The first column's type and values, after checking that nothing went wrong. */
function firstColumn(csv: string, yml?: string): { type: string; values: unknown[] } {
  const { dataset, problems } = read(csv, yml);
  expect(problems).toEqual([]);
  const name = dataset!.columns[0]!.name;
  return { type: dataset!.columns[0]!.type, values: dataset!.rows.map((row) => row[name]) };
}

const DECLARED = 'title: Posts\ncolumns:\n  period:\n    type: date\n';

describe('inferring date columns', () => {
  it('infers a column of ISO days as dates, kept as written', () => {
    expect(firstColumn('period,posts\n2024-03-01,1\n2024-02-29,2\nNA,3\n')).toEqual({
      type: 'date',
      values: ['2024-03-01', '2024-02-29', null],
    });
  });

  it('infers a column of months as dates', () => {
    expect(firstColumn('period,posts\n2024-01,1\n2024-02,2\n2023-12,3\n')).toEqual({
      type: 'date',
      values: ['2024-01', '2024-02', '2023-12'],
    });
  });

  it('infers a column of quarters as dates, with the Q in capitals whatever its case', () => {
    expect(firstColumn('period,posts\n2024-Q1,1\n2024-q2,2\n 2023-Q4 ,3\n')).toEqual({
      type: 'date',
      values: ['2024-Q1', '2024-Q2', '2023-Q4'],
    });
  });

  it('keeps a column that mixes days, months and quarters as text, with no problem', () => {
    for (const cells of [
      ['2024-03-01', '2024-04'],
      ['2024-04', '2024-Q2'],
      ['2024-Q1', '2024-03-01'],
    ]) {
      expect(firstColumn(`period,posts\n${cells[0]},1\n${cells[1]},2\n`)).toEqual({ type: 'category', values: cells });
    }
  });

  it('keeps a column of quarters past Q4 as text', () => {
    expect(firstColumn('period,posts\n2024-Q4,1\n2024-Q5,2\n').type).toBe('category');
  });

  it('reads values that sort as text in time order', () => {
    const { values } = firstColumn('period,posts\n2024-Q2,1\n2023-Q4,2\n2024-Q1,3\n');
    expect((values as string[]).toSorted()).toEqual(['2023-Q4', '2024-Q1', '2024-Q2']);
  });
});

describe('declared date columns', () => {
  it('accept months and quarters without a format', () => {
    expect(firstColumn('period,posts\n2024-03,1\n2024-04,2\n', DECLARED).values).toEqual(['2024-03', '2024-04']);
    expect(firstColumn('period,posts\n2024-q1,1\n2024-Q2,2\n', DECLARED).values).toEqual(['2024-Q1', '2024-Q2']);
  });

  it('accept months in a column that declares a day format', () => {
    const yml = `${DECLARED}    format: DD/MM/YYYY\n`;
    expect(firstColumn('period,posts\n2024-03,1\n2024-04,2\n', yml)).toEqual({
      type: 'date',
      values: ['2024-03', '2024-04'],
    });
  });

  it('fail at a month among days, naming how it reads', () => {
    const { problems } = read('period,posts\n2024-03-01,1\n2024-03,2\n2024-04-01,3\n', DECLARED);
    expect(formatProblems(problems)).toBe(
      'data/input.csv:3:1: column "period" is a date column written YYYY-MM-DD, but this cell is not such a date. Expected a date written YYYY-MM-DD, such as 2024-04-03 for 3 April 2024, received "2024-03". Write it as YYYY-MM-DD like the other dates (it reads as YYYY-MM). [TB044]\n1 problem found.',
    );
  });

  it('fail at the odd ones out: the column keeps the precision most of its dates have', () => {
    const { dataset, problems } = read(
      'period,posts\n2024-03-01,1\n2024-Q1,2\n2024-Q2,3\n2024-Q3,4\n2024-03,5\n',
      DECLARED,
    );
    expect(formatProblems(problems)).toBe(
      [
        'data/input.csv:2:1: column "period" is a date column written YYYY-Qn, but this cell is not such a date. Expected a quarter written YYYY-Qn, such as 2024-Q2 for April to June 2024, received "2024-03-01". Write it as YYYY-Qn like the other dates (it reads as YYYY-MM-DD). [TB044]',
        'data/input.csv:6:1: column "period" is a date column written YYYY-Qn, but this cell is not such a date. Expected a quarter written YYYY-Qn, such as 2024-Q2 for April to June 2024, received "2024-03". Write it as YYYY-Qn like the other dates (it reads as YYYY-MM). [TB044]',
        '2 problems found.',
      ].join('\n'),
    );
    // The odd cells are left empty, so nothing downstream places them on the time line.
    expect(dataset!.rows.map((row) => row['period'])).toEqual([null, '2024-Q1', '2024-Q2', '2024-Q3', null]);
  });

  it('fail at a day in a column of months, naming the day format it fits', () => {
    const yml = `${DECLARED}    format: DD/MM/YYYY\n`;
    const { problems } = read('period,posts\n2024-03,1\n2024-04,2\n03/04/2024,3\n', yml);
    expect(formatProblems(problems)).toBe(
      'data/input.csv:4:1: column "period" is a date column written YYYY-MM, but this cell is not such a date. Expected a month written YYYY-MM, such as 2024-04 for April 2024, received "03/04/2024". Write it as YYYY-MM like the other dates (it reads as DD/MM/YYYY). [TB044]\n1 problem found.',
    );
  });

  it('fail at a month that does not exist without speaking of days', () => {
    const { problems } = read('period,posts\n2024-03,1\n2024-13,2\n', DECLARED);
    expect(formatProblems(problems)).toBe(
      'data/input.csv:3:1: column "period" is a date column written YYYY-MM, but this cell is not such a date. Expected a month written YYYY-MM, such as 2024-04 for April 2024, received "2024-13". Correct the date, or leave the cell empty for a missing value. [TB044]\n1 problem found.',
    );
  });

  it('still need a format for days written with slashes, and never guess the order of day and month', () => {
    const { problems } = read('published,posts\n03/04/2024,1\n04/05/2024,2\n');
    expect(formatProblems(problems)).toBe(
      'data/input.csv:2:1: column "published" holds dates such as "03/04/2024", which read differently in different countries. Expected a date format declared in data/input.yml, received dates that fit DD/MM/YYYY or MM/DD/YYYY. Add "type: date" and "format: DD/MM/YYYY" under columns.published in data/input.yml (formats: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY), or write the dates as 2024-04-03. [TB031]\n1 problem found.',
    );
  });

  it('point the missing-format error at the first day written with slashes, past months', () => {
    const { problems } = read('published,posts\n2024-03,1\n03/04/2024,2\n');
    expect(formatProblems(problems)).toBe(
      'data/input.csv:3:1: column "published" holds dates such as "03/04/2024", which read differently in different countries. Expected a date format declared in data/input.yml, received dates that fit DD/MM/YYYY or MM/DD/YYYY. Add "type: date" and "format: DD/MM/YYYY" under columns.published in data/input.yml (formats: YYYY-MM-DD, DD/MM/YYYY, MM/DD/YYYY, DD.MM.YYYY), or write the dates as 2024-04-03. [TB031]\n1 problem found.',
    );
  });

  it('still need the declared format for dotted days', () => {
    const { problems } = read('period,posts\n03.04.2024,1\n', DECLARED);
    expect(formatProblems(problems)).toBe(
      'data/input.csv:2:1: column "period" is a date column written YYYY-MM-DD, but this cell is not such a date. Expected a date written YYYY-MM-DD, such as 2024-04-03 for 3 April 2024, received "03.04.2024". Write it as YYYY-MM-DD like the other dates (it reads as DD.MM.YYYY). [TB044]\n1 problem found.',
    );
  });
});

describe('datePrecision', () => {
  it('names the precision of a stored value, and nothing for other text', () => {
    expect(datePrecision('2024-03-01')).toBe('day');
    expect(datePrecision('2024-03')).toBe('month');
    expect(datePrecision('2024-Q1')).toBe('quarter');
    expect(datePrecision('2024')).toBeUndefined();
    expect(datePrecision('2024-13')).toBeUndefined();
    expect(datePrecision('2024-02-30')).toBeUndefined();
    expect(datePrecision('micro')).toBeUndefined();
  });
});

describe('dateToYears and yearsToDate', () => {
  it('places the start of a year at the year itself, so dates share a scale with year columns', () => {
    expect(dateToYears('2024')).toBe(2024);
    expect(dateToYears('2024-01-01')).toBe(2024);
    expect(dateToYears('2024-01')).toBe(2024);
    expect(dateToYears('2024-Q1')).toBe(2024);
  });

  it('places a day by the share of its year gone by, in UTC', () => {
    // 2024 is a leap year: 1 July is 182 days in, of 366.
    expect(dateToYears('2024-07-01')).toBeCloseTo(2024 + 182 / 366, 12);
    expect(dateToYears('2023-07-01')).toBeCloseTo(2023 + 181 / 365, 12);
    expect(dateToYears('2024-Q3')).toBe(dateToYears('2024-07-01'));
    expect(dateToYears('2024-07')).toBe(dateToYears('2024-07-01'));
    expect(dateToYears('2024-q3')).toBe(dateToYears('2024-07-01'));
  });

  it('keeps time order and distance: 2011 is a tenth of the way from 2010 to 2020', () => {
    const [a, b, c] = ['2010-01-01', '2011-01-01', '2020-01-01'].map(dateToYears) as [number, number, number];
    expect(a).toBe(2010);
    expect(b).toBe(2011);
    expect(c).toBe(2020);
    expect((b - a) / (c - a)).toBeCloseTo(0.1, 12);
    const days = ['2010-12-31', '2011-01-01', '2011-06-15', '2019-12-31', '2020-01-01'].map(dateToYears);
    expect(days).toEqual(days.toSorted((x, y) => x - y));
  });

  it('gives NaN for text that is not a date', () => {
    expect(dateToYears('soon')).toBeNaN();
    expect(dateToYears('2024-02-30')).toBeNaN();
  });

  it('round-trips every day of a leap year and of years far apart', () => {
    for (const year of [1, 99, 1900, 2000, 2023, 2024, 2100, 9999]) {
      for (let month = 1; month <= 12; month++) {
        for (const day of [1, 15, 28]) {
          const value = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
          expect(yearsToDate(dateToYears(value)), value).toEqual({ year, month, day });
        }
      }
    }
    expect(yearsToDate(dateToYears('2024-02-29'))).toEqual({ year: 2024, month: 2, day: 29 });
    expect(yearsToDate(dateToYears('2024-12-31'))).toEqual({ year: 2024, month: 12, day: 31 });
    expect(yearsToDate(dateToYears('2024-Q4'))).toEqual({ year: 2024, month: 10, day: 1 });
  });

  it('gives the day a position falls in', () => {
    expect(yearsToDate(2024)).toEqual({ year: 2024, month: 1, day: 1 });
    expect(yearsToDate(2024.5)).toEqual({ year: 2024, month: 7, day: 2 });
    expect(yearsToDate(2024.9999)).toEqual({ year: 2024, month: 12, day: 31 });
  });
});

describe('formatDate', () => {
  it('reads days, months and quarters in en-US', () => {
    expect(formatDate('2024-03-01', 'en-US')).toBe('Mar 1, 2024');
    expect(formatDate('2024-03', 'en-US')).toBe('Mar 2024');
    expect(formatDate('2024-Q1', 'en-US')).toBe('Q1 2024');
  });

  it('reads days, months and quarters in de-DE', () => {
    expect(formatDate('2024-03-01', 'de-DE')).toBe('1. März 2024');
    expect(formatDate('2024-03', 'de-DE')).toBe('März 2024');
    expect(formatDate('2024-Q1', 'de-DE')).toBe('Q1 2024');
  });

  it('never moves a day, whatever the time zone it runs in', () => {
    expect(formatDate('2024-01-01', 'en-US')).toBe('Jan 1, 2024');
    expect(formatDate('2023-12-31', 'en-US')).toBe('Dec 31, 2023');
  });

  it('shows a value at a coarser precision when asked', () => {
    expect(formatDate('2024-08-15', 'en-US', 'month')).toBe('Aug 2024');
    expect(formatDate('2024-08-15', 'en-US', 'quarter')).toBe('Q3 2024');
  });

  it('returns other text as it is', () => {
    expect(formatDate('soon', 'en-US')).toBe('soon');
    expect(formatDate('2024-13', 'en-US')).toBe('2024-13');
  });
});

describe('formatTimeTick', () => {
  const july = dateToYears('2024-07-01');

  it('labels ticks by the axis unit', () => {
    expect(formatTimeTick(2024, 'year', 'en-US')).toBe('2024');
    expect(formatTimeTick(july, 'quarter', 'en-US')).toBe('Q3 2024');
    expect(formatTimeTick(july, 'month', 'en-US')).toBe('Jul 2024');
    expect(formatTimeTick(july, 'day', 'en-US')).toBe('Jul 1, 2024');
  });

  it('labels ticks in the locale', () => {
    expect(formatTimeTick(july, 'month', 'de-DE')).toBe('Juli 2024');
    expect(formatTimeTick(july, 'day', 'de-DE')).toBe('1. Juli 2024');
  });
});
