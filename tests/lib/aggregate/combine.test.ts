import { describe, expect, it } from 'vitest';
import { AGGREGATES, combine, isAggregate } from '../../../src/lib/aggregate/combine.ts';

describe('combine', () => {
  it('knows exactly the documented aggregates', () => {
    expect(AGGREGATES).toEqual(['mean', 'median', 'sum', 'min', 'max']);
    expect(AGGREGATES.every(isAggregate)).toBe(true);
    expect(isAggregate('average')).toBe(false);
    expect(isAggregate('Mean')).toBe(false);
  });

  it('combines values in every way', () => {
    const values = [3, 1, 8, 4];
    expect(AGGREGATES.map((aggregate) => [aggregate, combine(values, aggregate)])).toEqual([
      ['mean', 4],
      ['median', 3.5],
      ['sum', 16],
      ['min', 1],
      ['max', 8],
    ]);
  });

  it('takes the middle value of an odd count as the median, whatever the order', () => {
    expect(combine([5, 1, 3], 'median')).toBe(3);
  });

  it('does not reorder the values it is given', () => {
    const values = [5, 1, 3];
    combine(values, 'median');
    expect(values).toEqual([5, 1, 3]);
  });

  it('returns one value unchanged', () => {
    expect(AGGREGATES.map((aggregate) => combine([2.4], aggregate))).toEqual([2.4, 2.4, 2.4, 2.4, 2.4]);
  });

  it('handles negative values', () => {
    expect(combine([-2, 4], 'mean')).toBe(1);
    expect(combine([-2, 4], 'min')).toBe(-2);
  });

  it('returns null for no values, never NaN or Infinity', () => {
    expect(AGGREGATES.map((aggregate) => combine([], aggregate))).toEqual([null, null, null, null, null]);
  });
});
