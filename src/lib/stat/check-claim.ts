/**
 * Checks the words of a claim (`:stat[60%]{…}`) against a computed stat: one number only, in the
 * unit the stat computes, equal to the stat at the claim's precision (see claim.ts).
 */
import { scaleName, unitScale } from '../data/scale.ts';
import { issue } from '../error-codes/define.ts';
import { TB118, TB119, TB120, TB121 } from '../error-codes/directives.ts';
import type { Issue } from '../errors.ts';
import { formatValue } from '../format.ts';
import { type Claim, claimHolds, parseClaims, roundForClaim } from './claim.ts';
import type { StatResult } from './compute-stat.ts';
import { describeWorking } from './describe-stat.ts';

/**
 * A claim is checked by its one number: a second one would be shown as verified without being read.
 * @param text The bracket text of `:stat[…]`.
 */
export function severalNumbersIssue(text: string): Issue | undefined {
  const numbers = parseClaims(text).map((claim) => claim.text);
  if (numbers.length < 2) return undefined;
  return issue(TB118, { text, numbers });
}

/**
 * Checks the one number of a claim against the computed value.
 * @param text The bracket text of `:stat[…]`.
 * @param result The computed stat.
 * @param locale Locale for the numbers in the message.
 * @returns Why the claim does not hold, or `undefined` when it does.
 */
export function claimIssue(text: string, result: StatResult, locale: string): Issue | undefined {
  const claims = parseClaims(text);
  const claim = claims[0];
  if (!claim) return issue(TB119, { text, computed: result.text });
  const mismatch = unitMismatch(claim, result);
  // Fractions (0.024) are claimed as percentages (2.4%) and differences of them as points.
  const scale =
    result.format.type === 'fraction' && (result.form === 'value' || result.form === 'difference') ? 100 : 1;
  // A column declared in millions holding 2.1 means 2,100,000; ratios and percentages have no scale.
  const columnScale = result.form === 'value' || result.form === 'difference' ? unitScale(result.format.unit) : 1;
  const computed = result.value * scale * columnScale;
  const { rounded, step } = roundForClaim(claim.step, computed);
  const decimals = decimalsOf(step);
  // A scaled claim or column is shown in its scale: "2.1M", "2.1 million".
  const shownScale =
    claim.scale ?? (columnScale > 1 ? { factor: columnScale, written: ` ${scaleName(columnScale)}` } : undefined);
  const shown =
    result.form === 'difference' && (result.format.type === 'percent' || result.format.type === 'fraction')
      ? `${formatValue(rounded, { type: 'number', decimals }, locale)} pp`
      : shownScale && (result.format.type === 'number' || result.format.type === 'currency')
        ? `${formatValue(rounded / shownScale.factor, { ...result.format, decimals: decimalsOf(step / shownScale.factor) }, locale)}${shownScale.written}`
        : formatValue(
            scale === 100 ? rounded / 100 : rounded,
            { ...result.format, decimals: scale === 100 ? decimals + 2 : decimals },
            locale,
          );
  const working = describeWorking(result, locale);
  const path = result.dataset.path;
  if (mismatch) return issue(TB120, { claim: claim.text, path, computed: result.text, working, mismatch, text });
  if (claimHolds(claim, computed)) return undefined;
  // "2.1" against a column in millions: the number is right, its scale word is outside the brackets.
  const scaleOutside = !claim.scale && columnScale > 1 && claimHolds(claim, computed / columnScale);
  const scaleWord = scaleOutside ? scaleName(columnScale) : undefined;
  return issue(TB121, { claim: claim.text, path, shown, working, finer: step < claim.step, text, scaleWord });
}

function unitMismatch(claim: Claim, result: StatResult): string | undefined {
  const form = result.form;
  if (claim.unit === 'times' && form !== 'ratio' && result.format.unit !== '×')
    return 'a multiple (×) needs as="ratio"';
  if (
    claim.unit === 'percent' &&
    !(
      form === 'percent-more' ||
      result.format.type === 'percent' ||
      result.format.type === 'fraction' ||
      result.format.type === 'number'
    )
  ) {
    return 'a percentage needs a percent column or as="percent-more"';
  }
  if (
    claim.unit === 'points' &&
    !(form === 'difference' && (result.format.type === 'percent' || result.format.type === 'fraction'))
  ) {
    return 'percentage points need as="difference" on a percent column';
  }
  if (claim.unit === 'currency' && result.format.type !== 'currency')
    return 'an amount of money needs a currency column';
  if (form === 'ratio' && (claim.unit === 'percent' || claim.unit === 'currency'))
    return 'as="ratio" gives a multiple such as 6.7×';
  return undefined;
}

function decimalsOf(step: number): number {
  return step >= 1 ? 0 : Math.round(-Math.log10(step));
}
