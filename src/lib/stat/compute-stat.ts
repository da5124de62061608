/**
 * Computes the number a `:stat` prints: one value, or a comparison of two
 * (`compare="tier=micro/mega"` with `as="ratio|percent-more|difference"`).
 */
import { type Aggregate, combine } from '../aggregate/combine.ts';
import { applyFilters, checkFilters, type Filter, parseWhere } from '../aggregate/where.ts';
import type { Column } from '../data/columns.ts';
import { findMeasure } from '../data/find-column.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { scaleName, unitScale } from '../data/scale.ts';
import { issue } from '../error-codes/define.ts';
import { TB131, TB132, TB133, TB134, TB135, TB136, TB137 } from '../error-codes/directives.ts';
import type { Issue } from '../errors.ts';
import { formatValue, type ValueFormat } from '../format.ts';

/** How a comparison is expressed: the `as` attribute of `:stat` (docs/authoring.md). */
export const STAT_FORMS = ['value', 'ratio', 'percent-more', 'difference'] as const;
export type StatForm = (typeof STAT_FORMS)[number];

/** Is this text a stat form? */
export function isStatForm(value: string): value is StatForm {
  return (STAT_FORMS as readonly string[]).includes(value);
}

/** The attributes of `:stat`, already checked for names. */
export interface StatRequest {
  dataset: string;
  y: string;
  where?: string | undefined;
  compare?: string | undefined;
  as: StatForm;
  agg?: Aggregate | undefined;
}

/** One side of a computation: the value and the rows behind it. */
export interface StatTerm {
  value: number;
  /** Lines in the CSV of the rows used. */
  lines: number[];
  label: string;
  /** The published low–high range, when the value is its midpoint. */
  range?: [number, number] | undefined;
}

/** A computed stat, with its working. */
export interface StatResult {
  value: number;
  /** The value as printed: `2.4%`, `6.7×`, `60%`, `1.8 pp`. */
  text: string;
  format: ValueFormat;
  form: StatForm;
  /** The terms: one for a value, two (a, b) for a comparison. */
  terms: StatTerm[];
  /** The filter applied to every term, as written. */
  where: string;
  dataset: { name: string; path: string; title: string };
  column: { name: string; label: string };
}

/**
 * A stat as pages receive it: its terms without the line numbers of their rows.
 * Pages only credit the stat's dataset; the lines of an `agg` over millions of
 * rows would otherwise be written into the report's compiled module, which
 * Astro then bundles, writes and loads, taking minutes and gigabytes.
 */
export type PageStat = Omit<StatResult, 'terms'> & { terms: Omit<StatTerm, 'lines'>[] };

/**
 * The stat as pages receive it (see `PageStat`).
 * @param result The computed stat.
 */
export function toPageStat(result: StatResult): PageStat {
  return { ...result, terms: result.terms.map(({ lines: _lines, ...term }) => term) };
}

/**
 * Computes a stat, or lists every problem with the request.
 * @param dataset The dataset named by `dataset`.
 * @param request The stat's attributes.
 * @param locale Locale for the printed text.
 */
export function computeStat(
  dataset: Dataset,
  request: StatRequest,
  locale: string,
): { result?: StatResult; issues: (Issue & { attribute: string })[] } {
  const issues: (Issue & { attribute: string })[] = [];
  const add = (attribute: string, issue: Issue | undefined) => {
    if (issue) issues.push({ attribute, ...issue });
  };
  const y = findMeasure(dataset, request.y, 'y');
  add('y', y.issue);
  const where = parseWhere(request.where ?? '');
  where.issues.forEach((issue) => {
    add('where', issue);
  });
  checkFilters(where.filters, dataset).forEach((issue) => {
    add('where', issue);
  });

  // Comparisons: compare="col=a/b" names one column and its two values.
  let sides: { label: string; filters: Filter[] }[] = [{ label: '', filters: where.filters }];
  if (request.compare !== undefined) {
    const match = /^([^=]+)=([^/]+)\/([^/]+)$/.exec(request.compare.trim());
    if (!match) {
      add('compare', issue(TB131, { compare: request.compare }));
    } else {
      const column = match[1]!.trim();
      const values = [match[2]!.trim(), match[3]!.trim()];
      const filters = values.map((value) => ({ column, values: [value] }));
      checkFilters(filters, dataset).forEach((issue) => {
        add('compare', issue);
      });
      if (where.filters.some((filter) => filter.column === column)) {
        add('compare', issue(TB132, { column, where: request.where ?? '' }));
      }
      sides = values.map((value, index) => ({ label: value, filters: [...where.filters, filters[index]!] }));
    }
    if (request.as === 'value') {
      add('as', issue(TB133, {}));
    }
  } else if (request.as !== 'value') {
    add('as', issue(TB134, { as: request.as }));
  }
  if (issues.length > 0 || !y.column) return { issues };

  // Each side: the matching rows, combined into one number.
  const terms: StatTerm[] = [];
  for (const side of sides) {
    const term = termFor(dataset, y.column, side.filters, request.agg, side.label);
    if ('issue' in term) add(request.compare ? 'compare' : 'where', term.issue);
    else terms.push(term);
  }
  if (issues.length > 0) return { issues };

  const format: ValueFormat = { type: y.column.type, unit: y.column.unit, decimals: y.column.decimals };
  const base = {
    where: request.where ?? '',
    dataset: { name: dataset.name, path: dataset.path, title: dataset.meta.title },
    column: { name: y.column.name, label: y.column.label },
    terms,
    form: request.as,
  };
  // A column declared in millions prints 2.1 as "2.1 million", never as a bare 2.1.
  const scaleWord = scaleName(unitScale(format.unit));
  const scaled = (text: string) => (scaleWord ? `${text} ${scaleWord}` : text);
  if (request.as === 'value') {
    const value = terms[0]!.value;
    return { result: { ...base, value, format, text: scaled(formatValue(value, format, locale)) }, issues };
  }
  const [a, b] = [terms[0]!.value, terms[1]!.value];
  if (request.as === 'difference') {
    const value = a - b;
    const isPercent = format.type === 'percent' || format.type === 'fraction';
    const text = isPercent
      ? `${formatValue(format.type === 'fraction' ? value * 100 : value, { type: 'number', decimals: format.decimals }, locale)} pp`
      : scaled(formatValue(value, format, locale));
    return { result: { ...base, value, format, text }, issues };
  }
  if (b === 0) {
    add('compare', issue(TB135, { label: terms[1]!.label, as: request.as }));
    return { issues };
  }
  if (request.as === 'ratio') {
    const value = a / b;
    return {
      result: {
        ...base,
        value,
        format: { type: 'number', unit: '×', decimals: 1 },
        text: formatValue(value, { type: 'number', unit: '×', decimals: 1 }, locale),
      },
      issues,
    };
  }
  const value = ((a - b) / b) * 100;
  const percentFormat: ValueFormat = { type: 'percent', unit: '%', decimals: 0 };
  return { result: { ...base, value, format: percentFormat, text: formatValue(value, percentFormat, locale) }, issues };
}

function termFor(
  dataset: Dataset,
  column: Column,
  filters: Filter[],
  agg: Aggregate | undefined,
  label: string,
): StatTerm | { issue: Issue } {
  const indexes = applyFilters(dataset.rows, filters);
  const described = filters.map((filter) => `${filter.column}=${filter.values.join(',')}`).join(' ') || 'no filter';
  const withValue = indexes.filter((index) => typeof dataset.rows[index]![column.name] === 'number');
  if (withValue.length === 0) {
    return {
      issue: issue(TB136, { column: column.name, path: dataset.path, filters: described, matching: indexes.length }),
    };
  }
  if (withValue.length > 1 && !agg) {
    const lines = withValue.map((index) => dataset.info[index]!.line);
    return { issue: issue(TB137, { path: dataset.path, filters: described, lines }) };
  }
  const values = withValue.map((index) => dataset.rows[index]![column.name] as number);
  const value = agg ? combine(values, agg)! : values[0]!;
  const range = withValue.length === 1 ? dataset.info[withValue[0]!]!.midpoints?.[column.name] : undefined;
  return { value, lines: withValue.map((index) => dataset.info[index]!.line), label, range };
}
