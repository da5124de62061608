import { describe, expect, it } from 'vitest';
import { claimHolds, parseClaim, parseClaims, roundForClaim, roundToStep } from '../../../src/lib/stat/claim.ts';

describe('parseClaim', () => {
  it('reads every documented form with its value, precision and unit', () => {
    expect(['60%', '6.7×', '6.7x', '22.2 times', '$1,200', '1.8 pp', '3.3k', '1.2M'].map(parseClaim)).toEqual([
      { value: 60, step: 1, unit: 'percent', text: '60%' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7×' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7x' },
      { value: 22.2, step: 0.1, unit: 'times', text: '22.2 times' },
      { value: 1200, step: 1, unit: 'currency', text: '$1,200' },
      { value: 1.8, step: 0.1, unit: 'points', text: '1.8 pp' },
      { value: 3300, step: 100, unit: 'plain', text: '3.3k', scale: { factor: 1e3, written: 'k' } },
      { value: 1200000, step: 100000, unit: 'plain', text: '1.2M', scale: { factor: 1e6, written: 'M' } },
    ]);
  });

  it('reads other ways of writing the same units', () => {
    expect(
      [
        '60 per cent',
        '60 percent',
        '60 %',
        '6.7 x',
        '10-fold',
        '1.8 percentage points',
        '€3.5M',
        '$2bn',
        '12,400',
        '2.37',
      ].map(parseClaim),
    ).toEqual([
      { value: 60, step: 1, unit: 'percent', text: '60 per cent' },
      { value: 60, step: 1, unit: 'percent', text: '60 percent' },
      { value: 60, step: 1, unit: 'percent', text: '60 %' },
      { value: 6.7, step: 0.1, unit: 'times', text: '6.7 x' },
      { value: 10, step: 1, unit: 'times', text: '10-fold' },
      { value: 1.8, step: 0.1, unit: 'points', text: '1.8 percentage points' },
      { value: 3500000, step: 100000, unit: 'currency', text: '€3.5M', scale: { factor: 1e6, written: 'M' } },
      { value: 2000000000, step: 1000000000, unit: 'currency', text: '$2bn', scale: { factor: 1e9, written: 'bn' } },
      { value: 12400, step: 1, unit: 'plain', text: '12,400' },
      { value: 2.37, step: 0.01, unit: 'plain', text: '2.37' },
    ]);
  });

  it('finds the number inside the author’s words', () => {
    expect(parseClaim('about 60% more')).toEqual({ value: 60, step: 1, unit: 'percent', text: '60%' });
    expect(parseClaim('up to 22.2 times as many')).toEqual({
      value: 22.2,
      step: 0.1,
      unit: 'times',
      text: '22.2 times',
    });
  });

  it('reads negative numbers, with a hyphen or a minus sign', () => {
    expect(parseClaim('-5%')).toEqual({ value: -5, step: 1, unit: 'percent', text: '-5%' });
    expect(parseClaim('−0.4 pp')).toEqual({ value: -0.4, step: 0.1, unit: 'points', text: '−0.4 pp' });
  });

  it('does not read a word that starts with x or m as a unit', () => {
    expect(parseClaim('3 xylophones')).toEqual({ value: 3, step: 1, unit: 'plain', text: '3' });
    expect(parseClaim('4 more')).toEqual({ value: 4, step: 1, unit: 'plain', text: '4' });
  });

  it('reads scale words written out, so 2.1M, 2.1 million and 2,100,000 are one value', () => {
    expect(
      ['2.1M', '2.1 million', '2,100,000', '3.5 million', '2 billion', '12 thousand', '4.5 mn', '$1.2 millions'].map(
        (text) => parseClaim(text)?.value,
      ),
    ).toEqual([2_100_000, 2_100_000, 2_100_000, 3_500_000, 2_000_000_000, 12_000, 4_500_000, 1_200_000]);
    expect(parseClaim('3.5 million')).toEqual({
      value: 3_500_000,
      step: 100_000,
      unit: 'plain',
      text: '3.5 million',
      scale: { factor: 1e6, written: ' million' },
    });
    expect(parseClaim('2 millionaires')).toEqual({ value: 2, step: 1, unit: 'plain', text: '2' });
  });

  it('finds no claim in words alone', () => {
    expect(parseClaim('many more')).toBeUndefined();
    expect(parseClaim('')).toBeUndefined();
  });
});

describe('parseClaims', () => {
  it('finds every number, years and numbers inside words included', () => {
    const texts = (text: string) => parseClaims(text).map((claim) => claim.text);
    expect(texts('60% or 70%')).toEqual(['60%', '70%']);
    expect(texts('60%, up from 10% in 2015')).toEqual(['60%', '10%', '2015']);
    expect(texts('between 3 and 5')).toEqual(['3', '5']);
    expect(texts('2015-2020')).toEqual(['2015', '2020']);
    expect(texts('Q3 rose 4%')).toEqual(['3', '4%']);
  });

  it('reads one number with its unit and scale as one', () => {
    expect(
      ['$1,200', '2.1 million', '1.8 percentage points', '10-fold', '−0.4 pp', 'about 60% more'].map(
        (text) => parseClaims(text).length,
      ),
    ).toEqual([1, 1, 1, 1, 1, 1]);
  });

  it('does not count numbers written as words', () => {
    expect(parseClaims('the first of two')).toEqual([]);
  });
});

describe('roundForClaim', () => {
  // [claim's step, computed value, rounded value, step used]
  const table: [number, number, number, number][] = [
    [1, 1.43, 1.4, 0.1], // "1 times" is coarser than two figures: checked as 1.4
    [0.1, 1.43, 1.4, 0.1], // "1.4 times"
    [1, 77.3, 77, 1], // "77 times": whole numbers are two figures here
    [1, 76.54, 77, 1],
    [1, 42.77, 43, 1], // "43%"
    [0.1, 3.296, 3.3, 0.1], // "3.3 times"
    [0.1, 0.1000000000000001, 0.1, 0.01], // "0.1 pp" for 2.75 − 2.65
    [0.1, 0.14, 0.14, 0.01], // "0.1 pp" for 0.14: fails
    [1, 0.996, 1, 0.01], // two figures of 0.996 are 1.0
    [1, 0.96, 0.96, 0.01],
    [0.01, 0.0234, 0.023, 0.001],
    [1e5, 2_134_000, 2_100_000, 1e5], // "2.1M"
    [1e6, 2_134_000, 2_100_000, 1e5], // "2 million": checked as 2.1M
    [1, 2_134_000, 2_134_000, 1], // "2,134,000" is finer than two figures: kept
    [1, 1201, 1201, 1], // "$1,200"
    [1, 0, 0, 1], // zero has no significant figures
    [0.1, -1.43, -1.4, 0.1],
    [1, -1.43, -1.4, 0.1],
  ];
  it.each(table)('rounds for a claim with step %s: %s → %s (step %s)', (step, computed, rounded, used) => {
    expect(roundForClaim(step, computed)).toEqual({ rounded, step: used });
  });
});

describe('roundToStep', () => {
  it('rounds half away from zero', () => {
    expect([roundToStep(6.65, 0.1), roundToStep(-6.65, 0.1), roundToStep(6.64, 0.1), roundToStep(0.05, 0.1)]).toEqual([
      6.7, -6.7, 6.6, 0.1,
    ]);
  });

  it('rounds to hundreds and millions', () => {
    expect([roundToStep(3349, 100), roundToStep(3350, 100), roundToStep(1_249_999, 100_000)]).toEqual([
      3300, 3400, 1_200_000,
    ]);
  });

  it('is not fooled by binary fractions', () => {
    expect([roundToStep(3.5 - 1.7, 0.1), roundToStep(2.675, 0.01), roundToStep(1.005, 0.01)]).toEqual([
      1.8, 2.68, 1.01,
    ]);
  });
});

describe('claims are checked at their own precision', () => {
  it('holds for 6.66 but not for 6.6 when the claim says 6.7×', () => {
    const claim = parseClaim('6.7×')!;
    expect([6.66, 6.65, 6.74, 6.6, 6.75].map((value) => claimHolds(claim, value))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('steps by 100 for 3.3k', () => {
    const claim = parseClaim('3.3k')!;
    expect([3250, 3300, 3349, 3249, 3350].map((value) => claimHolds(claim, value))).toEqual([
      true,
      true,
      true,
      false,
      false,
    ]);
  });

  it('steps by 1 for a whole percentage or amount', () => {
    expect([59.5, 60.49, 60.5, 59.4].map((value) => claimHolds(parseClaim('60%')!, value))).toEqual([
      true,
      true,
      false,
      false,
    ]);
    expect([1199.5, 1200.4, 1201].map((value) => claimHolds(parseClaim('$1,200')!, value))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('checks percentage points at a tenth', () => {
    expect([3.5 - 1.7, 1.84, 1.85, 1.7].map((value) => claimHolds(parseClaim('1.8 pp')!, value))).toEqual([
      true,
      true,
      false,
      false,
    ]);
  });

  it('checks at two significant figures when the claim is coarser', () => {
    expect([1.43, 1.0, 1.04, 0.996, 1.05].map((value) => claimHolds(parseClaim('1 times')!, value))).toEqual([
      false,
      true,
      true,
      true,
      false,
    ]);
    expect([1.43, 1.35, 1.449].map((value) => claimHolds(parseClaim('1.4 times')!, value))).toEqual([true, true, true]);
    expect([2_134_000, 2_049_999, 2_050_000].map((value) => claimHolds(parseClaim('2.1 million')!, value))).toEqual([
      true,
      false,
      true,
    ]);
    expect([2_134_000, 2_000_000, 2_040_000].map((value) => claimHolds(parseClaim('2 million')!, value))).toEqual([
      false,
      true,
      true,
    ]);
    expect([2_100_000, 2_100_000.4, 2_134_000].map((value) => claimHolds(parseClaim('2,100,000')!, value))).toEqual([
      true,
      true,
      false,
    ]);
  });

  it('steps by 100,000 for 1.2M', () => {
    expect([1_234_567, 1_150_000, 1_250_000].map((value) => claimHolds(parseClaim('1.2M')!, value))).toEqual([
      true,
      true,
      false,
    ]);
  });
});
