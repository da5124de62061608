/**
 * Reads the number in an author's claim (`60%`, `6.7×`, `22.2 times`, `$1,200`,
 * `1.8 pp`, `3.3k`, `1.2M`) and checks it against a computed value at the
 * claim's own precision: "6.7×" holds for 6.66 but not for 6.6.
 */

/** The number a claim states, its precision and the unit it was written with. */
export interface Claim {
  value: number;
  /** Smallest step the claim can express: 0.1 for "6.7×", 100 for "3.3k". */
  step: number;
  unit: 'percent' | 'times' | 'currency' | 'points' | 'plain';
  /** The number as written, for messages. */
  text: string;
}

const MAGNITUDE: Record<string, number> = { k: 1e3, K: 1e3, m: 1e6, M: 1e6, b: 1e9, B: 1e9, bn: 1e9 };

/**
 * Finds the first number in a claim.
 * @param text The bracket text of `:stat[…]`.
 */
export function parseClaim(text: string): Claim | undefined {
  const match =
    /([$€£])?\s*([-−]?\d{1,3}(?:,\d{3})+(?:\.\d+)?|[-−]?\d+(?:\.\d+)?)\s*(bn|[kKmMbB](?![a-zA-Z]))?\s*(%|×|x(?![a-zA-Z])|times\b|-fold\b|fold\b|pp\b|percentage points?\b|points?\b|per ?cent\b|percent\b)?/.exec(
      text,
    );
  if (!match) return undefined;
  const [written, currency, digits, magnitude, unitText] = match;
  const plain = digits!.replace(/,/g, '').replace('−', '-');
  const decimals = plain.includes('.') ? plain.split('.')[1]!.length : 0;
  const scale = magnitude ? MAGNITUDE[magnitude]! : 1;
  const value = Number(plain) * scale;
  const step = 10 ** -decimals * scale;
  let unit: Claim['unit'] = 'plain';
  if (currency) unit = 'currency';
  else if (unitText === '%' || /^per ?cent$|^percent$/.test(unitText ?? '')) unit = 'percent';
  else if (unitText && /^(×|x|times|-fold|fold)$/.test(unitText)) unit = 'times';
  else if (unitText && /^(pp|percentage points?|points?)$/.test(unitText)) unit = 'points';
  return { value, step, unit, text: written!.trim() };
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
 * Does the computed value support the claim at the claim's precision?
 * @param claim The parsed claim.
 * @param computed The value from the data.
 */
export function claimHolds(claim: Claim, computed: number): boolean {
  return Math.abs(roundToStep(computed, claim.step) - claim.value) < claim.step / 1e6;
}
