import { describe, expect, it } from 'vitest';
import { SCALE_WORDS, scaleName, scaleOf, unitScale } from '../../../src/lib/data/scale.ts';

describe('scale words', () => {
  it('reads the abbreviations and the words, in the singular and the plural', () => {
    expect(
      ['k', 'K', 'thousand', 'M', 'm', 'mn', 'million', 'millions', 'Million', 'bn', 'B', 'billion', 'Billions'].map(
        scaleOf,
      ),
    ).toEqual([1e3, 1e3, 1e3, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6, 1e6 * 1e3, 1e9, 1e9, 1e9]);
  });

  it('reads nothing else, and nothing a plain object inherits', () => {
    expect(['%', 'USD', '×', 'MN ', 'toString', 'constructor', '', undefined].map(scaleOf)).toEqual([
      undefined,
      undefined,
      undefined,
      1e6,
      undefined,
      undefined,
      undefined,
      undefined,
    ]);
  });

  it('gives a column declared in millions a factor of a million, any other unit 1', () => {
    expect([unitScale('million'), unitScale('M'), unitScale('%'), unitScale('USD'), unitScale(undefined)]).toEqual([
      1e6, 1e6, 1, 1, 1,
    ]);
  });

  it('names each scale for readers', () => {
    expect([...new Set(Object.values(SCALE_WORDS))].map(scaleName)).toEqual(['thousand', 'million', 'billion']);
  });
});
