import { describe, expect, it } from 'vitest';
import { axisTitle, formatValue } from '../../src/lib/format.ts';

describe('formatValue', () => {
  it('formats percent columns as written (2.4 means 2.4%)', () => {
    expect(formatValue(2.4, { type: 'percent', unit: '%', decimals: 1 })).toBe('2.4%');
  });
  it('formats fractions as percentages', () => {
    expect(formatValue(0.024, { type: 'fraction', decimals: 1 })).toBe('2.4%');
  });
  it('shows every cent of an amount with cents, and a whole amount whole', () => {
    // A query's round(x, 2) gives 223.3 beside 331.12: the table read "€223.3".
    expect(formatValue(223.3, { type: 'currency', unit: 'EUR', decimals: 2 })).toBe('€223.30');
    expect(formatValue(331.12, { type: 'currency', unit: 'EUR', decimals: 2 })).toBe('€331.12');
    expect(formatValue(41, { type: 'currency', unit: 'USD', decimals: 2 })).toBe('$41');
  });

  it('formats currency with grouping and the column unit', () => {
    expect(formatValue(1200, { type: 'currency', unit: 'USD', decimals: 0 })).toBe('$1,200');
    expect(formatValue(1200, { type: 'currency', unit: 'EUR', decimals: 0 })).toBe('€1,200');
  });
  it('groups large numbers and appends × for multiples', () => {
    expect(formatValue(12400, { type: 'number', decimals: 0 })).toBe('12,400');
    expect(formatValue(6.7, { type: 'number', unit: '×', decimals: 1 })).toBe('6.7×');
  });
  it('shortens large axis ticks', () => {
    expect(formatValue(25000, { type: 'currency', unit: 'USD', decimals: 0 }, 'en-US', true)).toBe('$25K');
  });
  it('shows a gap as "no data", never NaN', () => {
    expect(formatValue(null, { type: 'percent', decimals: 1 })).toBe('no data');
  });
  it('puts the unit in axis titles', () => {
    expect(axisTitle('Engagement rate', { type: 'percent', unit: '%', decimals: 1 })).toBe('Engagement rate (%)');
    expect(axisTitle('Year', { type: 'year', decimals: 0 })).toBe('Year');
  });
});
