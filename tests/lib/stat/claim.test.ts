import { describe, expect, it } from 'vitest';
import { claimHolds, parseClaim, roundToStep } from '../../../src/lib/stat/claim.ts';

describe('parseClaim', () => {
  it('reads every documented form with its value, precision and unit', () => {
    expect(['60%', '6.7×', '6.7x', '22.2 times', '$1,200', '1.8 pp', '3.3k', '1.2M'].map(parseClaim)).toEqual([
      { value: 60, step: 1, unit: 'percent', text: '60%' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7×' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7x' },
      { value: 22.2, step: 0.1, unit: 'times', text: '22.2 times' },
      { value: 1200, step: 1, unit: 'currency', text: '$1,200' },
      { value: 1.8, step: 0.1, unit: 'points', text: '1.8 pp' },
      { value: 3300, step: 100, unit: 'plain', text: '3.3k' },
      { value: 1200000, step: 100000, unit: 'plain', text: '1.2M' },
    ]);
  });

  it('reads other ways of writing the same units', () => {
    expect(['60 per cent', '60 percent', '60 %', '6.7 x', '10-fold', '1.8 percentage points', '€3.5M', '$2bn', '12,400', '2.37'].map(parseClaim)).toEqual([
      { value: 60, step: 1, unit: 'percent', text: '60 per cent' },
      { value: 60, step: 1, unit: 'percent', text: '60 percent' },
      { value: 60, step: 1, unit: 'percent', text: '60 %' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7 x' },
      { value: 10, step: 1, unit: 'times', text: '10-fold' },
      { value: 1.8, step: 0.1, unit: 'points', text: '1.8 percentage points' },
      { value: 3500000, step: 100000, unit: 'currency', text: '€3.5M' },
      { value: 2000000000, step: 1000000000, unit: 'currency', text: '$2bn' },
      { value: 12400, step: 1, unit: 'plain', text: '12,400' },
      { value: 2.37, step: 0.01, unit: 'plain', text: '2.37' },
    ]);
  });

  it('finds the number inside the author’s words', () => {
    expect(parseClaim('about 60% more')).toEqual({ value: 60, step: 1, unit: 'percent', text: '60%' });
    expect(parseClaim('up to 22.2 times as many')).toEqual({ value: 22.2, step: 0.1, unit: 'times', text: '22.2 times' });
  });

  it('reads negative numbers, with a hyphen or a minus sign', () => {
    expect(parseClaim('-5%')).toEqual({ value: -5, step: 1, unit: 'percent', text: '-5%' });
    expect(parseClaim('−0.4 pp')).toEqual({ value: -0.4, step: 0.1, unit: 'points', text: '−0.4 pp' });
  });

  it('does not read a word that starts with x or m as a unit', () => {
    expect(parseClaim('3 xylophones')).toEqual({ value: 3, step: 1, unit: 'plain', text: '3' });
    expect(parseClaim('4 more')).toEqual({ value: 4, step: 1, unit: 'plain', text: '4' });
  });

  it('finds no claim in words alone', () => {
    expect(parseClaim('many more')).toBeUndefined();
    expect(parseClaim('')).toBeUndefined();
  });
});

describe('roundToStep', () => {
  it('rounds half away from zero', () => {
    expect([roundToStep(6.65, 0.1), roundToStep(-6.65, 0.1), roundToStep(6.64, 0.1), roundToStep(0.05, 0.1)]).toEqual([6.7, -6.7, 6.6, 0.1]);
  });

  it('rounds to hundreds and millions', () => {
    expect([roundToStep(3349, 100), roundToStep(3350, 100), roundToStep(1_249_999, 100_000)]).toEqual([3300, 3400, 1_200_000]);
  });

  it('is not fooled by binary fractions', () => {
    expect([roundToStep(3.5 - 1.7, 0.1), roundToStep(2.675, 0.01), roundToStep(1.005, 0.01)]).toEqual([1.8, 2.68, 1.01]);
  });
});

describe('claims are checked at their own precision', () => {
  it('holds for 6.66 but not for 6.6 when the claim says 6.7×', () => {
    const claim = parseClaim('6.7×')!;
    expect([6.66, 6.65, 6.74, 6.6, 6.75].map((value) => claimHolds(claim, value))).toEqual([true, true, true, false, false]);
  });

  it('steps by 100 for 3.3k', () => {
    const claim = parseClaim('3.3k')!;
    expect([3250, 3300, 3349, 3249, 3350].map((value) => claimHolds(claim, value))).toEqual([true, true, true, false, false]);
  });

  it('steps by 1 for a whole percentage or amount', () => {
    expect([59.5, 60.49, 60.5, 59.4].map((value) => claimHolds(parseClaim('60%')!, value))).toEqual([true, true, false, false]);
    expect([1199.5, 1200.4, 1201].map((value) => claimHolds(parseClaim('$1,200')!, value))).toEqual([true, true, false]);
  });

  it('checks percentage points at a tenth', () => {
    expect([3.5 - 1.7, 1.84, 1.85, 1.7].map((value) => claimHolds(parseClaim('1.8 pp')!, value))).toEqual([true, true, false, false]);
  });

  it('steps by 100,000 for 1.2M', () => {
    expect([1_234_567, 1_150_000, 1_250_000].map((value) => claimHolds(parseClaim('1.2M')!, value))).toEqual([true, true, false]);
  });
});
