/**
 * How a stat is described: in messages, its working ("236 / 107, year=2023"); to readers, a sentence naming
 * the measure, the values compared and their sources in readers' words.
 */
import { formatValue } from '../format.ts';
import type { StatResult } from './compute-stat.ts';

/**
 * "236 / 107, year=2023": the numbers behind a stat, for messages and the working popover.
 * @param result The computed stat.
 * @param locale Locale for numbers.
 */
export function describeWorking(result: StatResult, locale: string): string {
  const plain = new Intl.NumberFormat(locale, { maximumFractionDigits: 6 });
  const values = result.terms.map((term) => plain.format(term.value));
  const operator = result.form === 'difference' ? ' − ' : ' / ';
  const head =
    result.form === 'value'
      ? values[0]!
      : result.form === 'percent-more'
        ? `(${values[0]} − ${values[1]}) / ${values[1]}`
        : values.join(operator);
  return [head, result.where].filter(Boolean).join(', ');
}

/** How many sources a working names before it says "and N more". */
const NAMED_SOURCES = 3;

/**
 * How a stat is explained to readers, in their words: the measure's label, the filter as labels, the numbers
 * compared and who published them — "Engagement rate, 2016: Micro 2.37% against Mega 1.66%, 43% more. Sources:
 * Marketing Dive, 2016; Digiday, 2016." No column ids, no `col=value`, no file paths (those are for messages).
 * @param result The computed stat.
 * @param locale Locale for numbers.
 */
export function describeStat(result: StatResult, locale: string): string {
  const subject = [result.column.label, result.whereWords].filter(Boolean).join(', ');
  const names = result.sources.slice(0, NAMED_SOURCES);
  const more = result.sources.length - names.length;
  const credit =
    names.length > 0
      ? ` ${names.length === 1 && more === 0 ? 'Source' : 'Sources'}: ${names.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
      : '';
  if (result.form === 'value') {
    const term = result.terms[0]!;
    const range = term.range
      ? ` (the midpoint of the published range ${formatValue(term.range[0], result.format, locale)}–${formatValue(term.range[1], result.format, locale)})`
      : '';
    const count = new Intl.NumberFormat(locale).format(term.lines.length);
    const combined = term.lines.length > 1 ? ` (combined from ${count} values)` : '';
    return `${subject}: ${result.text}${range}${combined}.${credit}`;
  }
  const [a, b] = [result.terms[0]!, result.terms[1]!];
  const outcome =
    result.form === 'percent-more'
      ? result.value < 0
        ? `${formatValue(-result.value, result.format, locale)} less`
        : `${result.text} more`
      : result.form === 'ratio'
        ? `${result.text} as much`
        : `a difference of ${result.text}`;
  return `${subject}: ${a.words} ${a.text} against ${b.words} ${b.text}, ${outcome}.${credit}`;
}
