/**
 * The years a view's title names, against the years its chart plots: "Engagement rate by tier, 2016–2024" over
 * data that runs to 2026 tells readers of the page and of its card the wrong range. Only the ways titles name
 * a span are read (a range, "since", "until", "in"); any other year in a title, such as a base year
 * ("2019 = 100"), is left alone.
 */

import type { ChartSpec } from '../chart/chart-spec.ts';
import { extentOf } from '../extent.ts';

/** A span of years a title names: the years its chart must start and end with (either may be open). */
export interface TitleYears {
  /** The words as written ("2016–2024", "since 2019"). */
  text: string;
  /** Where they start in the title. */
  index: number;
  first?: number | undefined;
  last?: number | undefined;
}

const YEAR = '(1[89]\\d\\d|2[01]\\d\\d)';
/** Dashes, hyphens and words that join the two years of a range. */
const JOIN = '\\s*(?:[-‐‑‒–—]|to|through|thru|until)\\s*';
/** The forms read, most specific first: a range ("2016–2024", "2016-24", "between 2016 and 2024"), then one end. */
const FORMS: { pattern: RegExp; years: (match: RegExpExecArray) => Pick<TitleYears, 'first' | 'last'> }[] = [
  {
    pattern: new RegExp(`\\bbetween\\s+${YEAR}\\s+and\\s+${YEAR}\\b`, 'giu'),
    years: (match) => ({ first: Number(match[1]), last: Number(match[2]) }),
  },
  {
    pattern: new RegExp(`\\b(?:from\\s+)?${YEAR}${JOIN}(\\d\\d(?:\\d\\d)?)\\b`, 'giu'),
    years: (match) => {
      const first = Number(match[1]);
      const end = match[2]!;
      // "2016–24": the last year in the first one's century.
      const last = end.length === 2 ? Math.floor(first / 100) * 100 + Number(end) : Number(end);
      return { first, last };
    },
  },
  {
    pattern: new RegExp(`\\b(?:since|from|starting(?:\\s+in)?)\\s+${YEAR}\\b|\\b${YEAR}\\s+(?:onwards?|on)\\b`, 'giu'),
    years: (match) => ({ first: Number(match[1] ?? match[2]) }),
  },
  {
    pattern: new RegExp(`\\b(?:until|till|through|thru|up\\s+to|to)\\s+${YEAR}\\b`, 'giu'),
    years: (match) => ({ last: Number(match[1]) }),
  },
  {
    // Not a base year of money: "in 2024 dollars" names no span.
    pattern: new RegExp(
      `\\b(?:in|for|during)\\s+${YEAR}\\b(?!\\s*(?:dollars|euros|pounds|prices|terms|money|[$€£]|=))`,
      'giu',
    ),
    years: (match) => ({ first: Number(match[1]), last: Number(match[1]) }),
  },
];

/**
 * The spans of years a title names, in the order they appear; words read by one form are not read again by another.
 * @param title A view's title.
 */
export function titleYears(title: string): TitleYears[] {
  const found: TitleYears[] = [];
  const taken: [number, number][] = [];
  for (const { pattern, years } of FORMS) {
    for (const match of title.matchAll(pattern)) {
      const start = match.index;
      const end = start + match[0].length;
      if (taken.some(([from, to]) => start < to && end > from)) continue;
      taken.push([start, end]);
      found.push({ text: match[0], index: start, ...years(match as RegExpExecArray) });
    }
  }
  return found.sort((a, b) => a.index - b.index);
}

/**
 * The first and last year a chart plots a value in, when its x axis is years or dates; `undefined` for an axis of
 * categories or numbers, where the years a title names cannot be read from the chart.
 * @param spec The chart (small multiples: every panel).
 */
export function plottedYears(spec: ChartSpec): { first: number; last: number } | undefined {
  const charts = spec.panels ?? [spec];
  const years: number[] = [];
  for (const chart of charts) {
    const { x } = chart;
    const time = x.format.type === 'year' || x.format.type === 'date' || x.scale === 'time';
    if (!time || chart.type === 'scatter') return undefined;
    x.values.forEach((value, index) => {
      const drawn = chart.series.some(
        (series) => (series.values[index] ?? null) !== null || (series.highs?.[index] ?? null) !== null,
      );
      if (!drawn) return;
      const year = yearOf(x.positions?.[index] ?? value);
      if (year !== undefined) years.push(year);
    });
  }
  // A loop, not Math.min(...years): a view over daily dates has one year per point.
  const extent = extentOf(years);
  return extent && { first: extent[0], last: extent[1] };
}

/** The year of an x value: a year (2016), a position in years (2016.5) or a date ("2016-03-01"). */
function yearOf(value: string | number): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? Math.floor(value) : undefined;
  const year = /^\s*(\d{4})/.exec(value)?.[1];
  return year === undefined ? undefined : Number(year);
}

/**
 * The first span of years a title names that the chart does not plot, with the words that would say what it
 * plots; `undefined` when every span agrees or the chart's axis is not years.
 * @param title A view's title.
 * @param spec Its chart.
 */
export function titleYearsMismatch(
  title: string,
  spec: ChartSpec,
): { named: TitleYears; plotted: { first: number; last: number }; suggestion: string } | undefined {
  const plotted = plottedYears(spec);
  if (!plotted) return undefined;
  for (const named of titleYears(title)) {
    const firstWrong = named.first !== undefined && named.first !== plotted.first;
    const lastWrong = named.last !== undefined && named.last !== plotted.last;
    if (firstWrong || lastWrong) return { named, plotted, suggestion: rewrite(named, plotted) };
  }
  return undefined;
}

/** The title's words with the years the chart plots in place of the ones it names. */
function rewrite(named: TitleYears, plotted: { first: number; last: number }): string {
  const span = plotted.first === plotted.last ? String(plotted.first) : `${plotted.first}–${plotted.last}`;
  if (named.first !== undefined && named.last !== undefined && named.first !== named.last) {
    // Keep the author's words: swap the two years and keep what joins them.
    const years = [...named.text.matchAll(/\d{2,4}/g)];
    const [from, to] = [years[0]!, years.at(-1)!];
    return `${named.text.slice(0, from.index)}${plotted.first}${named.text.slice(from.index + from[0].length, to.index)}${plotted.last}${named.text.slice(to.index + to[0].length)}`;
  }
  if (named.first !== undefined && named.last === undefined) return named.text.replace(/\d{4}/, String(plotted.first));
  if (named.last !== undefined && named.first === undefined) return named.text.replace(/\d{4}/, String(plotted.last));
  // "in 2024" over several years.
  return span;
}
