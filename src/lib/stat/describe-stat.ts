/**
 * How a stat is described to readers and in messages: its working ("236 / 107, year=2023") and
 * a sentence naming its value, terms, filter and the dataset lines it comes from.
 */
import { formatValue } from '../format.ts';
import type { StatResult, StatTerm } from './compute-stat.ts';

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

/**
 * "60% = (2.4 − 1.5) / 1.5 with tier micro vs mega, year=2016 (engagement_rate, data/engagement.csv lines 7 and 11)."
 * @param result The computed stat.
 * @param locale Locale for numbers.
 */
export function describeStat(result: StatResult, locale: string): string {
  const { first, more } = firstLines(result.terms, 6);
  const where = [
    result.terms.length === 2 ? `${result.terms[0]!.label} vs ${result.terms[1]!.label}` : '',
    result.where,
  ]
    .filter(Boolean)
    .join(', ');
  const rows = `${result.dataset.path} ${first.length === 1 && !more ? 'line' : 'lines'} ${first.join(', ')}${more ? ', …' : ''}`;
  if (result.form === 'value') {
    const term = result.terms[0]!;
    const range = term.range
      ? ` (midpoint of the published range ${formatValue(term.range[0], result.format, locale)}–${formatValue(term.range[1], result.format, locale)})`
      : '';
    return `${result.column.label}${where ? ` for ${where}` : ''}: ${result.text}${range}${term.lines.length > 1 ? ` (combined from ${term.lines.length} rows)` : ''}, from ${rows}.`;
  }
  return `${result.text} = ${describeWorking({ ...result, where: '' }, locale)}, ${result.column.label.toLowerCase()} for ${where}, from ${rows}.`;
}

/**
 * The `count` lowest distinct lines of the terms' rows, and whether there are more. One pass
 * keeping a short list: an `agg` over millions of rows has millions of lines, and collecting,
 * deduplicating and sorting them all took seconds per stat to print six of them.
 */
function firstLines(terms: readonly StatTerm[], count: number): { first: number[]; more: boolean } {
  // Ascending and distinct, with at most one line past `count` (which says there are more).
  const lowest: number[] = [];
  for (const term of terms) {
    for (const line of term.lines) {
      if (lowest.length > count && line >= lowest[count]!) continue;
      const at = lowest.findIndex((kept) => kept >= line);
      if (lowest[at] === line) continue;
      lowest.splice(at === -1 ? lowest.length : at, 0, line);
      if (lowest.length > count + 1) lowest.pop();
    }
  }
  return { first: lowest.slice(0, count), more: lowest.length > count };
}
