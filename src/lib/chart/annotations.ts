/**
 * The annotations of a chart (`mark`, `band`, `ref`, `label`), read from their attributes and checked
 * against the chart's axes and points, so a note can only sit where the data is:
 *
 * ```md
 * mark="2018: The argument appears" band="2020..2021: Pandemic" ref="2.5: Industry average"
 * label="tier=micro year=2016: Markerly survey; service='Apple Music' year=2023: Launch"
 * ```
 * Each attribute is a `;`-separated list of `position: text` items, split at the first ": ".
 */
import { cellText } from '../aggregate/where.ts';
import type { Row } from '../data/columns.ts';
import { datePrecision, dateToYears, formatDate, yearsToDate } from '../data/dates.ts';
import { TB068, TB069, TB070 } from '../error-codes/charts.ts';
import { issue } from '../error-codes/define.ts';
import type { Issue } from '../errors.ts';
import { formatValue } from '../format.ts';
import type { Annotation, ChartSpec } from './chart-spec.ts';

/** The annotation attributes, as written. */
export const ANNOTATION_ATTRIBUTES = ['mark', 'band', 'ref', 'label'] as const;
export type AnnotationAttribute = (typeof ANNOTATION_ATTRIBUTES)[number];

/** What annotations are checked against: the chart (without annotations) and the rows behind each point. */
export interface AnnotationContext {
  spec: Omit<ChartSpec, 'annotations'>;
  /** `rows[s][p]`: the dataset rows behind point `p` of series `s`. */
  rows: (readonly Row[])[][];
}

/**
 * Reads and checks every annotation of a chart.
 * @param written The attributes as written (`undefined` when absent).
 * @param context The chart and its points.
 */
export function readAnnotations(
  written: Partial<Record<AnnotationAttribute, string | undefined>>,
  context: AnnotationContext,
): { annotations: Annotation[]; issues: (Issue & { attribute: AnnotationAttribute })[] } {
  const annotations: Annotation[] = [];
  const issues: (Issue & { attribute: AnnotationAttribute })[] = [];
  for (const attribute of ANNOTATION_ATTRIBUTES) {
    const text = written[attribute];
    if (text === undefined) continue;
    for (const item of text.split(';')) {
      if (item.trim() === '') continue;
      const split = item.indexOf(': ');
      const where = split < 0 ? '' : item.slice(0, split).trim();
      const note = split < 0 ? '' : item.slice(split + 2).trim();
      if (split < 0 || where === '' || note === '') {
        const problem =
          split < 0
            ? 'it has no ": " between position and text'
            : where === ''
              ? 'its position is empty'
              : 'its text is empty';
        issues.push({ attribute, ...issue(TB068, { attribute, item: item.trim(), problem }) });
        continue;
      }
      const read = readOne(attribute, where, note, context);
      if ('issue' in read) issues.push({ attribute, ...read.issue });
      else annotations.push(read.annotation);
    }
  }
  return { annotations, issues };
}

function readOne(
  attribute: AnnotationAttribute,
  where: string,
  text: string,
  context: AnnotationContext,
): { annotation: Annotation } | { issue: Issue } {
  const { spec } = context;
  if (attribute === 'mark') {
    const at = xPosition(where, spec, attribute);
    return 'issue' in at ? at : { annotation: { kind: 'mark', at: at.value, where: at.label, text } };
  }
  if (attribute === 'band') {
    const ends = where.split('..');
    if (ends.length !== 2) {
      return {
        issue: issue(TB068, { attribute, item: `${where}: ${text}`, problem: 'its position is not "from..to"' }),
      };
    }
    const from = xPosition(ends[0]!.trim(), spec, attribute);
    if ('issue' in from) return from;
    const to = xPosition(ends[1]!.trim(), spec, attribute);
    if ('issue' in to) return to;
    const [low, high] = from.value <= to.value ? [from, to] : [to, from];
    // A band of months or quarters covers its last one whole: it ends where the next begins (within the axis).
    const last = from.value <= to.value ? ends[1]!.trim() : ends[0]!.trim();
    const end = Math.min(endOfPeriod(last, high.value, spec), spanOf(spec)?.[1] ?? high.value);
    return { annotation: { kind: 'band', from: low.value, to: end, where: `${low.label}–${high.label}`, text } };
  }
  if (attribute === 'ref') {
    const value = readNumber(where);
    if (value === undefined || (spec.y.scale === 'logarithmic' && value <= 0)) {
      const expected =
        value === undefined
          ? `a number in the units of ${spec.y.label}, such as 2.5`
          : 'a value above zero (the value axis is logarithmic)';
      return { issue: issue(TB069, { attribute, position: where, expected }) };
    }
    return {
      annotation: { kind: 'ref', value, where: formatValue(value, spec.y.format, spec.locale), text },
    };
  }
  return labelPoint(where, text, context);
}

/** A number as an author writes one in a reference line: `2.5`, `2.5%`, `$1,200`. */
function readNumber(text: string): number | undefined {
  const plain = text
    .replace(/^[$€£¥]/, '')
    .replace(/[%×x]$/, '')
    .replace(/,/g, '')
    .trim();
  if (!/^-?\d+(\.\d+)?$/.test(plain)) return undefined;
  return Number(plain);
}

/** Where an x position lies: a position in years on a time axis, an index on a category axis, a number on a scatter's. */
function xPosition(
  text: string,
  spec: AnnotationContext['spec'],
  attribute: 'mark' | 'band',
): { value: number; label: string } | { issue: Issue } {
  const x = spec.x;
  const outside = (expected: string) => ({ issue: issue(TB069, { attribute, position: text, expected }) });
  if (x.scale === 'category') {
    const index = x.values.findIndex((value, i) => cellText(value) === text || x.labels[i] === text);
    if (index >= 0) return { value: index, label: x.labels[index]! };
    return outside(
      `one of the chart's ${x.label.toLowerCase()} values: ${x.labels.map((label) => `"${label}"`).join(', ')}`,
    );
  }
  const span = spanOf(spec);
  if (x.scale === 'time') {
    const value = x.format.type === 'date' && !/^\d{4}$/.test(text) ? safeDate(text) : readNumber(text);
    if (value !== undefined && span && value >= span[0] - 1e-9 && value <= span[1] + 1e-9) {
      // Said as the axis and the table say dates: "Sep 2023", not "2023-09".
      return { value, label: x.format.type === 'date' ? formatDate(text, spec.locale) : text };
    }
    const [first, last] = [x.values[0], x.values.at(-1)];
    return outside(
      x.format.type === 'date'
        ? `a date from ${first} to ${last}, written as in the data (such as ${first})`
        : `a year from ${first} to ${last}`,
    );
  }
  const value = readNumber(text);
  if (value !== undefined && span && value >= span[0] && value <= span[1]) return { value, label: text };
  return outside(span ? `a number from ${span[0]} to ${span[1]}` : 'a number on the x axis');
}

/** Where a month or a quarter ends on the time line (the next one's start); any other position is its own end. */
function endOfPeriod(text: string, position: number, spec: AnnotationContext['spec']): number {
  if (spec.x.scale !== 'time' || spec.x.format.type !== 'date') return position;
  const precision = datePrecision(text);
  const { year, month } = yearsToDate(position);
  if (precision === 'month') return dateToYears(nextMonth(year, month, 1));
  if (precision === 'quarter') return dateToYears(nextMonth(year, month, 3));
  return position;
}

function nextMonth(year: number, month: number, step: number): string {
  const index = year * 12 + (month - 1) + step;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function safeDate(text: string): number | undefined {
  const value = dateToYears(text);
  return Number.isFinite(value) ? value : undefined;
}

/** The x axis's extent: positions on a time axis, the points' x values on a scatter. */
function spanOf(spec: AnnotationContext['spec']): [number, number] | undefined {
  const values = spec.x.scale === 'time' ? (spec.x.positions ?? []) : spec.series.flatMap((series) => series.xs ?? []);
  if (values.length === 0) return undefined;
  let [low, high] = [Infinity, -Infinity];
  for (const value of values) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

/** `tier=micro year=2016`, `service='Apple Music' year=2023`: pairs separated by spaces, a value with a space in single quotes. */
function readFilter(text: string): { column: string; value: string }[] | undefined {
  const pairs: { column: string; value: string }[] = [];
  const pattern = /\s*([^\s=']+)=(?:'([^']*)'|([^\s']+))\s*/y;
  let at = 0;
  while (at < text.length) {
    pattern.lastIndex = at;
    const match = pattern.exec(text);
    if (!match) return undefined;
    pairs.push({ column: match[1]!, value: match[2] ?? match[3]! });
    at = pattern.lastIndex;
  }
  return pairs.length > 0 ? pairs : undefined;
}

function labelPoint(
  where: string,
  text: string,
  context: AnnotationContext,
): { annotation: Annotation } | { issue: Issue } {
  const { spec, rows } = context;
  const filter = readFilter(where);
  if (!filter) {
    return {
      issue: issue(TB068, {
        attribute: 'label',
        item: `${where}: ${text}`,
        problem:
          "its position is not a filter such as tier=micro year=2016 (single quotes around a value with a space: service='Apple Music')",
      }),
    };
  }
  const matches: { series: number; point: number }[] = [];
  spec.series.forEach((series, s) => {
    series.values.forEach((value, p) => {
      if (value === null) return;
      const pointRows = rows[s]?.[p] ?? [];
      const fits = filter.every(({ column, value: wanted }) => {
        if (column === spec.seriesColumn) return series.key === wanted;
        if (column === spec.x.column && spec.x.values.length > 0) return cellText(spec.x.values[p] ?? null) === wanted;
        return pointRows.length > 0 && pointRows.every((row) => cellText(row[column] ?? null) === wanted);
      });
      if (fits) matches.push({ series: s, point: p });
    });
  });
  if (matches.length !== 1) {
    const named = new Set(filter.map((pair) => pair.column));
    const missing = [spec.seriesColumn, spec.x.values.length > 0 ? spec.x.column : spec.nameColumn?.column].filter(
      (column): column is string => column !== undefined && !named.has(column),
    );
    const hint =
      matches.length > 1 && missing.length > 0
        ? `add ${missing.map((column) => `${column}=…`).join(' and ')}`
        : 'use values of the points the chart draws (a gap has no point to label)';
    return { issue: issue(TB070, { filter: where, count: matches.length, hint }) };
  }
  const { series, point } = matches[0]!;
  const xLabel = spec.x.labels[point] ?? spec.series[series]!.names?.[point] ?? '';
  const seriesLabel = spec.series[series]!.key === '' ? '' : `${spec.series[series]!.label}, `;
  return { annotation: { kind: 'label', series, point, where: `${seriesLabel}${xLabel}`, text } };
}
