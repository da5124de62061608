import { describe, expect, it } from 'vitest';
import { claimHolds, parseClaim, roundToStep } from '../../../src/lib/stat/claim.ts';

describe('parseClaim', () => {
  it('reads every documented form', () => {
    expect(parseClaim('60%')).toEqual({ value: 60, step: 1, unit: 'percent', text: '60%' });
    expect(parseClaim('6.7×')).toEqual({ value: 6.7, step: 0.1, unit: 'times', text: '6.7×' });
    expect(parseClaim('6.7x')).toEqual({ value: 6.7, step: 0.1, unit: 'times', text: '6.7x' });
    expect(parseClaim('22.2 times')).toEqual({ value: 22.2, step: 0.1, unit: 'times', text: '22.2 times' });
    expect(parseClaim('$1,200')).toEqual({ value: 1200, step: 1, unit: 'currency', text: '$1,200' });
    expect(parseClaim('1.8 pp')).toEqual({ value: 1.8, step: 0.1, unit: 'points', text: '1.8 pp' });
    expect(parseClaim('3.3k')).toEqual({ value: 3300, step: 100, unit: 'plain', text: '3.3k' });
    expect(parseClaim('1.2M')).toEqual({ value: 1200000, step: 100000, unit: 'plain', text: '1.2M' });
    expect(parseClaim('about 60 per cent more')).toEqual({ value: 60, step: 1, unit: 'percent', text: '60 per cent' });
  });
  it('finds no number in words', () => {
    expect(parseClaim('many more')).toBeUndefined();
  });
});

describe('claims are checked at their own precision', () => {
  it('rounds half away from zero', () => {
    expect(roundToStep(6.65, 0.1)).toBe(6.7);
    expect(roundToStep(-6.65, 0.1)).toBe(-6.7);
    expect(roundToStep(3349, 100)).toBe(3300);
  });
  it('holds for 6.66 but not 6.6 when the claim says 6.7×', () => {
    const claim = parseClaim('6.7×')!;
    expect(claimHolds(claim, 6.66)).toBe(true);
    expect(claimHolds(claim, 6.6)).toBe(false);
  });
  it('holds for 3,349 but not 3,351 when the claim says 3.3k', () => {
    const claim = parseClaim('3.3k')!;
    expect(claimHolds(claim, 3349)).toBe(true);
    expect(claimHolds(claim, 3351)).toBe(false);
  });
});
