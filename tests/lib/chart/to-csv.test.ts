/**
 * The CSV download of a chart, byte for byte: a byte order mark, CRLF between
 * records, one row per drawn point (gaps left out), numbers as numbers, and
 * text quoted and made formula-safe the way spreadsheets need it.
 */
import { describe, expect, it } from 'vitest';
import { chartCsv } from '../../../src/lib/chart/to-csv.ts';
import { engagementSpec, MEGA, MICRO, series } from './spec-fixtures.ts';

describe('chartCsv', () => {
  it('writes one row per point, quoting commas, quotes and line breaks and defusing formulas', () => {
    const labels = ['Small, medium', 'The "big" ones', '=HYPERLINK("x")', '@mention', 'Two\nlines', 'no figure'];
    const spec = engagementSpec({
      type: 'bar',
      x: { column: 'tier', label: 'Tier', format: { type: 'category', decimals: 0 }, values: labels, labels },
      y: { column: 'share', label: 'Share', format: { type: 'number', decimals: 1 }, scale: 'linear' },
      seriesColumn: undefined,
      series: [
        series('', 'Share', [10, 2.5, 7, 1, -3, null], {
          basis: ['reported', 'illustrative', 'reported', 'reported', 'reported', null],
        }),
      ],
    });
    expect(chartCsv(spec)).toBe(
      '\uFEFFtier,share,basis\r\n' +
        '"Small, medium",10,reported\r\n' +
        '"The ""big"" ones",2.5,illustrative\r\n' +
        `"'=HYPERLINK(""x"")",7,reported\r\n` +
        "'@mention,1,reported\r\n" +
        '"Two\nlines",-3,reported\r\n',
    );
  });

  it('adds the series column, and the range columns when a point is a midpoint', () => {
    const spec = engagementSpec({
      series: [
        series('micro', 'Micro', [2.4, null], MICRO),
        series('mega, celebrity', 'Mega / celebrity', [1.7, 1.5], {
          ...MEGA,
          basis: ['illustrative', 'reported'],
          ranges: [[1, 2.4], null],
        }),
      ],
    });
    expect(chartCsv(spec)).toBe(
      '\uFEFFyear,tier,engagement_rate,basis,range_low,range_high\r\n' +
        '2016,micro,2.4,reported,,\r\n' +
        '2016,"mega, celebrity",1.7,illustrative,1,2.4\r\n' +
        '2017,"mega, celebrity",1.5,reported,,\r\n',
    );
  });
});
