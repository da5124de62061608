/**
 * Reads the number in an author's claim (`60%`, `6.7×`, `22.2 times`, `$1,200`,
 * `1.8 pp`, `3.3k`, `2.1 million`) and checks it against a computed value at the
 * claim's own precision, never coarser than two significant figures: "6.7×"
 * holds for 6.66 but not for 6.6, and "1 times" does not hold for 1.43.
 */
import { scaleOf } from '../data/scale.ts';

/** The number a claim states, its precision and the unit it was written with. */
export interface Claim {
  value: number;
  /** Smallest step the claim can express: 0.1 for "6.7×", 100 for "3.3k". */
  step: number;
  unit: 'percent' | 'times' | 'currency' | 'points' | 'plain';
  /** The number as written, for messages. */
  text: string;
  /** The scale word, when there is one: `{ factor: 1e6, written: ' million' }` for "2.1 million". */
  scale?: { factor: number; written: string };
}

// A minus sign only where it cannot be a hyphen inside a word ("top-10", "2015-2020" stay two numbers apart).
const NUMBER = String.raw`(?:(?<![\p{L}\p{N}])[-−])?(?:\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)`;
const SCALE = 'thousands?|millions?|billions?|mn|bn|[kKmMbB]';
const UNIT = String.raw`%|×|x(?![a-zA-Z])|times\b|-fold\b|fold\b|pp\b|percentage points?\b|points?\b|per ?cent\b|percent\b`;
const CLAIM = new RegExp(String.raw`([$€£])?\s*(${NUMBER})(\s*(?:${SCALE})(?![a-zA-Z]))?\s*(${UNIT})?`, 'gu');

/**
 * Finds every number in a claim's words, each with its unit and scale. Years and
 * other numbers in the words count: "60%, up from 10% in 2015" has three.
 * Numbers written as words ("two", "first") are not read.
 * @param text The bracket text of `:stat[…]`.
 */
export function parseClaims(text: string): Claim[] {
  return [...text.matchAll(CLAIM)].map((match) => {
    const [written, currency, digits, magnitude, unitText] = match;
    const plain = digits!.replace(/,/g, '').replace('−', '-');
    const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
    const factor = magnitude ? scaleOf(magnitude.trim())! : 1;
    // toPrecision: 2.1 × 1e6 is 2100000.0000000002 in binary.
    const value = Number((Number(plain) * factor).toPrecision(15));
    // One power of ten, not 0.1 × 1e6: steps are compared with the value's own significant figures.
    const step = 10 ** (Math.round(Math.log10(factor)) - decimals);
    let unit: Claim['unit'] = 'plain';
    if (currency) unit = 'currency';
    else if (unitText === '%' || /^per ?cent$|^percent$/.test(unitText ?? '')) unit = 'percent';
    else if (unitText && /^(×|x|times|-fold|fold)$/.test(unitText)) unit = 'times';
    else if (unitText && /^(pp|percentage points?|points?)$/.test(unitText)) unit = 'points';
    return {
      value,
      step,
      unit,
      text: written!.trim(),
      ...(magnitude ? { scale: { factor, written: magnitude } } : {}),
    };
  });
}

/**
 * Finds the first number in a claim.
 * @param text The bracket text of `:stat[…]`.
 */
export function parseClaim(text: string): Claim | undefined {
  return parseClaims(text)[0];
}

/**
 * Rounds a value to a claim's precision (half away from zero).
 * @param value The computed value.
 * @param step The claim's step.
 */
export function roundToStep(value: number, step: number): number {
  const units = Math.abs(value) / step;
  const rounded = Math.floor(units + 0.5 + 1e-9) * step;
  return Number((Math.sign(value) * rounded).toPrecision(12));
}

/**
 * Rounds a computed value the way a claim is checked: to the claim's decimals,
 * but never coarser than two significant figures of the value, so a claim
 * cannot hide a difference by being vague. 1.43 is checked as 1.4 against
 * "1 times" (which fails) and against "1.4 times" (which holds); 2,134,000 is
 * 2.1M against "2 million" and 2,134,000 against "2,134,000".
 * @param step The claim's step (0.1 for "1.4 times", 1e6 for "2 million").
 * @param computed The value from the data, in the claim's units.
 * @returns The rounded value and the step it was rounded to.
 */
export function roundForClaim(step: number, computed: number): { rounded: number; step: number } {
  // Zero has no significant figures: it is checked at the claim's own step.
  const twoFigures = computed === 0 ? step : 10 ** (Math.floor(Math.log10(Math.abs(computed))) - 1);
  const used = Math.min(step, twoFigures);
  return { rounded: roundToStep(computed, used), step: used };
}

/**
 * Does the computed value support the claim at the claim's precision?
 * @param claim The parsed claim.
 * @param computed The value from the data.
 */
export function claimHolds(claim: Claim, computed: number): boolean {
  const { rounded, step } = roundForClaim(claim.step, computed);
  return Math.abs(rounded - claim.value) < step / 1e6;
}
