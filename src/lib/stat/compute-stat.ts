/**
 * Computes the number a `:stat` prints: one value, or a comparison of two
 * (`compare="tier=micro/mega"` with `as="ratio|percent-more|difference"`).
 */
import { type Aggregate, combine } from '../aggregate/combine.ts';
import { applyFilters, checkFilters, type Filter, parseWhere } from '../aggregate/where.ts';
import type { Column } from '../data/columns.ts';
import { findMeasure } from '../data/find-column.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { type LabelledValue, sourceName, valueWords } from '../data/reader-words.ts';
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
  /** The compared value as written in `compare` (`micro`), or '' for a single value. */
  label: string;
  /** The compared value as readers see it ("Micro"). */
  words: string;
  /** The value as printed, in the measure's format ("2.4%"). */
  text: string;
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
  /** The filter in readers' words: "Micro, 2026". */
  whereWords: string;
  /** Who published the rows used ("Marketing Dive, 2016"): the sources their `source_id` names, else the dataset's. */
  sources: string[];
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
 * @param labelled Values with fixed labels (the site's tiers), for the working in readers' words.
 */
export function computeStat(
  dataset: Dataset,
  request: StatRequest,
  locale: string,
  labelled: readonly LabelledValue[] = [],
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
  const format: ValueFormat = { type: y.column.type, unit: y.column.unit, decimals: y.column.decimals };
  // A column declared in millions prints 2.1 as "2.1 million", never as a bare 2.1.
  const scaleWord = scaleName(unitScale(format.unit));
  const scaled = (text: string) => (scaleWord ? `${text} ${scaleWord}` : text);
  const words = (column: string, value: string) => valueWords(value, columnNamed(dataset, column), labelled, locale);

  const terms: StatTerm[] = [];
  const rows: number[] = [];
  for (const side of sides) {
    const term = termFor(dataset, y.column, side.filters, request.agg);
    if ('issue' in term) add(request.compare ? 'compare' : 'where', term.issue);
    else {
      const compared = side.filters.at(-1);
      terms.push({
        ...term.term,
        label: side.label,
        words: side.label && compared ? words(compared.column, side.label) : '',
        text: scaled(formatValue(term.term.value, format, locale)),
      });
      // A loop, not push(...rows): an agg over millions of rows would overflow the stack.
      for (const row of term.rows) rows.push(row);
    }
  }
  if (issues.length > 0) return { issues };

  const base = {
    where: request.where ?? '',
    whereWords: where.filters.map((filter) => filterWords(dataset, filter, words)).join(', '),
    sources: rowSources(dataset, rows),
    dataset: { name: dataset.name, path: dataset.path, title: dataset.meta.title },
    column: { name: y.column.name, label: y.column.label },
    terms,
    form: request.as,
  };
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

/**
 * A filter in readers' words: the values alone where they name themselves (a tier, a year, a date, a category),
 * else after the column's label ("Followers 10000").
 */
function filterWords(dataset: Dataset, filter: Filter, words: (column: string, value: string) => string): string {
  const column = columnNamed(dataset, filter.column);
  const values = filter.values.map((value) => words(filter.column, value)).join(' and ');
  const named = column && ['category', 'year', 'date'].includes(column.type);
  return named || !column ? values : `${column.label} ${values}`;
}

/** The names of the sources of the rows used, in the sidecar's order: those their `source_id` names, else all. */
function rowSources(dataset: Dataset, rows: readonly number[]): string[] {
  const hasSourceColumn = dataset.columns.some((column) => column.name === 'source_id');
  const ids = new Set(rows.map((index) => dataset.rows[index]!.source_id));
  return dataset.meta.sources
    .filter((source) => !hasSourceColumn || ids.has(source.id))
    .map((source) => sourceName(source));
}

function columnNamed(dataset: Dataset, name: string): Column | undefined {
  return dataset.columns.find((column) => column.name === name);
}

function termFor(
  dataset: Dataset,
  column: Column,
  filters: Filter[],
  agg: Aggregate | undefined,
): { term: Pick<StatTerm, 'value' | 'lines' | 'range'>; rows: number[] } | { issue: Issue } {
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
  return { term: { value, lines: withValue.map((index) => dataset.info[index]!.line), range }, rows: withValue };
}
