/**
 * Builds a ChartSpec from a dataset and a chart's attributes, checking every
 * attribute against the data (columns exist, values exist, one value per point).
 */

import type { Aggregate } from '../aggregate/combine.ts';
import { groupSeries } from '../aggregate/series.ts';
import { applyFilters, checkFilters, parseWhere } from '../aggregate/where.ts';
import type { Column, Row } from '../data/columns.ts';
import { dateToYears } from '../data/dates.ts';
import { findColumn, findMeasure } from '../data/find-column.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { valueWords } from '../data/reader-words.ts';
import { TB062, TB063, TB064, TB065, TB066, TB071 } from '../error-codes/charts.ts';
import { TB056 } from '../error-codes/dataset-use.ts';
import { issue } from '../error-codes/define.ts';
import type { Issue } from '../errors.ts';
import { extentOf } from '../extent.ts';
import type { SiteConfig } from '../site-config.ts';
import { type AnnotationAttribute, readAnnotations } from './annotations.ts';
import { buildFacets } from './build-facets.ts';
import {
  type Basis,
  type ChartSpec,
  type ChartType,
  FROM_ZERO_TYPES,
  type SeriesSpec,
  type Stack,
  TIME_TYPES,
} from './chart-spec.ts';

/** More series than this on one panel cannot be told apart (TB066). */
const MAX_SERIES = 8;

/** The attributes of `::chart`, already checked for names and allowed values. */
export interface ChartRequest {
  id: string;
  title: string;
  dataset: string;
  y: string;
  x: string;
  series?: string | undefined;
  type: ChartType;
  where?: string | undefined;
  agg?: Aggregate | undefined;
  /** `range`: the high end's column. */
  y2?: string | undefined;
  stack?: Stack | undefined;
  sort?: 'desc' | 'asc' | undefined;
  scale?: 'log' | 'linear' | undefined;
  xscale?: 'log' | 'linear' | undefined;
  facet?: string | undefined;
  /** `scatter`: the column that names each point. */
  name?: string | undefined;
  mark?: string | undefined;
  band?: string | undefined;
  ref?: string | undefined;
  label?: string | undefined;
}

/** Issues that belong to one attribute, so messages can point at it. */
export interface AttributeIssue extends Issue {
  attribute: keyof ChartRequest;
}

/**
 * Builds the spec, or lists every problem with the request.
 * @param dataset The dataset named by `dataset`.
 * @param request The chart's attributes.
 * @param config Site settings: tiers, palette, locale.
 */
export function buildChartSpec(
  dataset: Dataset,
  request: ChartRequest,
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'>,
): { spec?: ChartSpec; issues: AttributeIssue[] } {
  const issues: AttributeIssue[] = [];
  const add = (attribute: keyof ChartRequest, issue: Issue | undefined) => {
    if (issue) issues.push({ attribute, ...issue });
  };
  const type = request.type;

  // Step 1: columns.
  const y = findMeasure(dataset, request.y, 'y');
  add('y', y.issue);
  const x = findColumn(dataset, request.x, 'x');
  add('x', x.issue);
  const series = request.series ? findColumn(dataset, request.series, 'series') : {};
  add('series', series.issue);
  const y2 = request.y2 ? findMeasure(dataset, request.y2, 'y2') : {};
  add('y2', y2.issue);
  const name = request.name ? findColumn(dataset, request.name, 'name') : {};
  add('name', name.issue);
  if (type === 'scatter' && x.column && !NUMERIC_X.has(x.column.type)) {
    add('x', issue(TB065, { x: x.column.name, type: x.column.type }));
  }

  if (request.facet) return buildFacets(dataset, request, config, buildChartSpec);

  // Step 2: rules that refuse a distorting chart, before any point is placed.
  if (request.scale === 'log' && FROM_ZERO_TYPES.includes(type)) add('scale', issue(TB062, { type }));
  if (request.stack && y.column && !isAdditive(dataset, y.column)) {
    add(
      'stack',
      issue(TB063, {
        column: y.column.name,
        what: nonAdditiveKind(y.column) ?? 'declared additive: false',
        path: dataset.metaPath,
      }),
    );
  }

  // Step 3: filters.
  const where = parseWhere(request.where ?? '');
  where.issues.forEach((issue) => {
    add('where', issue);
  });
  checkFilters(where.filters, dataset).forEach((issue) => {
    add('where', issue);
  });
  if (issues.length > 0 || !y.column || !x.column) return { issues };

  // Step 4: the points: a grid of one value per x and series, or a scatter's rows.
  const indexes = applyFilters(dataset.rows, where.filters);
  const tierIds = config.tiers.map((tier) => tier.id);
  const built =
    type === 'scatter'
      ? scatterPoints(dataset, indexes, request, name.column?.name ?? defaultName(dataset, request))
      : gridPoints(dataset, indexes, request, tierIds);
  built.issues.forEach((item) => {
    add(item.attribute, item);
  });
  if (issues.length > 0) return { issues };
  const { xValues, seriesKeys, points } = built;
  if (type === 'slope' && xValues.length !== 2) {
    add('type', issue(TB064, { x: request.x, values: xValues.map((value) => String(value)) }));
  }
  if (seriesKeys.length > MAX_SERIES) {
    add('series', issue(TB066, { count: seriesKeys.length, limit: MAX_SERIES, series: request.series ?? request.y }));
  }
  if (issues.length > 0) return { issues };

  // Step 5: series with fixed colours and flags.
  const paletteKeys = request.series ? distinctInDataset(dataset, request.series) : [];
  const basisColumn = dataset.columns.some((column) => column.name === 'basis');
  const seriesColumn = dataset.columns.find((column) => column.name === request.series);
  const sourceIds = new Set<string>();
  const counts = { points: 0, gaps: 0, illustrative: 0, midpoints: 0 };
  const seriesSpecs: SeriesSpec[] = seriesKeys.map((key, seriesIndex) => {
    const tier = config.tiers.find((candidate) => candidate.id === key);
    const paletteIndex = Math.max(0, paletteKeys.indexOf(key));
    const colors = tier ?? config.palette[paletteIndex % config.palette.length]!;
    const seriesPoints = points[seriesIndex]!;
    const basis: (Basis | null)[] = [];
    const ranges: ([number, number] | null)[] = [];
    for (const point of seriesPoints) {
      for (const index of point.rows) {
        const id = dataset.rows[index]!.source_id;
        if (typeof id === 'string') sourceIds.add(id);
      }
      if (point.value === null) {
        counts.gaps++;
        basis.push(null);
        ranges.push(null);
        continue;
      }
      counts.points++;
      const illustrative = basisColumn && point.rows.some((index) => dataset.rows[index]!.basis === 'illustrative');
      if (illustrative) counts.illustrative++;
      basis.push(illustrative ? 'illustrative' : 'reported');
      const range = point.rows.length === 1 ? dataset.info[point.rows[0]!]!.midpoints?.[request.y] : undefined;
      if (range) counts.midpoints++;
      ranges.push(range ?? null);
    }
    return {
      key,
      label: key === '' ? y.column!.label : valueWords(key, seriesColumn, config.tiers, config.locale),
      color: colors.color,
      darkColor: colors.darkColor,
      values: seriesPoints.map((point) => point.value),
      basis,
      ranges,
      ...(built.highs ? { highs: built.highs[seriesIndex] } : {}),
      ...(type === 'scatter'
        ? { xs: seriesPoints.map((point) => point.x!), names: seriesPoints.map((point) => point.name ?? '') }
        : {}),
    };
  });

  // Step 6: axes. Years and dates are a time line for the kinds that draw time; bars keep one slot per year.
  const timeX = TIME_TYPES.includes(type) && (x.column.type === 'year' || x.column.type === 'date');
  const xScale =
    type === 'scatter' && !timeX ? (request.xscale === 'log' ? 'logarithmic' : 'linear') : timeX ? 'time' : 'category';
  const positions = timeX && type !== 'scatter' ? xValues.map((value) => timePosition(value)) : undefined;
  const yScale = valueScale(type, request, seriesSpecs);
  if (yScale === 'logarithmic' && request.scale === 'log') {
    const low = seriesSpecs
      .flatMap((item) => [...item.values, ...(item.highs ?? [])])
      .find((value) => value !== null && value <= 0);
    if (low !== undefined && low !== null) add('scale', issue(TB071, { column: request.y, value: String(low) }));
  }
  if (xScale === 'logarithmic') {
    const low = seriesSpecs.flatMap((item) => item.xs ?? []).find((value) => value <= 0);
    if (low !== undefined) add('xscale', issue(TB071, { column: request.x, value: String(low) }));
  }
  if (issues.length > 0) return { issues };

  const hasSourceColumn = dataset.columns.some((column) => column.name === 'source_id');
  const sources = hasSourceColumn
    ? dataset.meta.sources.filter((source) => sourceIds.has(source.id))
    : dataset.meta.sources;
  const nameColumn =
    type === 'scatter'
      ? (name.column ?? dataset.columns.find((column) => column.name === defaultName(dataset, request)))
      : undefined;
  const withoutAnnotations: Omit<ChartSpec, 'annotations'> = {
    id: request.id,
    title: request.title,
    type,
    ...(request.stack ? { stack: request.stack } : {}),
    locale: config.locale,
    dataset: { name: dataset.name, title: dataset.meta.title, path: dataset.path },
    x: {
      column: x.column.name,
      label: x.column.label,
      format: formatOf(x.column),
      values: xValues,
      // Dates read as the site's locale writes them (Mar 2024); tier ids become their labels, snake_case ids words.
      labels: xValues.map((value) => valueWords(value, x.column, config.tiers, config.locale)),
      scale: xScale,
      ...(positions ? { positions } : {}),
    },
    // A range's measure is both ends: "Lowest quoted cost to highest quoted cost".
    y: {
      column: y.column.name,
      label: y2.column ? `${y.column.label} to ${lowerFirst(y2.column.label)}` : y.column.label,
      format: formatOf(y.column),
      scale: yScale,
    },
    ...(y2.column ? { y2: { column: y2.column.name, label: y2.column.label } } : {}),
    seriesColumn: request.series,
    ...(nameColumn ? { nameColumn: { column: nameColumn.name, label: nameColumn.label } } : {}),
    series: seriesSpecs,
    filters: where.filters,
    agg: request.agg,
    sources,
    notes: dataset.meta.notes ?? [],
    counts,
  };

  // Step 7: annotations, checked against the axes and points just built.
  const rows = points.map((seriesPoints) =>
    seriesPoints.map((point) => point.rows.map((index) => dataset.rows[index]!)),
  );
  const read = readAnnotations(request, { spec: withoutAnnotations, rows });
  read.issues.forEach((item) => {
    const { attribute, ...rest } = item;
    add(attribute satisfies AnnotationAttribute, rest);
  });
  if (issues.length > 0) return { issues };
  return { spec: { ...withoutAnnotations, annotations: read.annotations }, issues };
}

/** "Highest quoted cost" → "highest quoted cost", but "USD" stays. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? `${text[0]!.toLowerCase()}${text.slice(1)}` : text;
}

/** Column types a scatter can place along x. */
const NUMERIC_X = new Set(['number', 'percent', 'currency', 'fraction', 'year', 'date']);

/** A point before it becomes part of a series. */
interface BuiltPoint {
  value: number | null;
  rows: number[];
  /** A scatter point's x value and name. */
  x?: number | undefined;
  name?: string | undefined;
}

interface BuiltPoints {
  xValues: (string | number)[];
  seriesKeys: string[];
  points: BuiltPoint[][];
  highs?: (number | null)[][] | undefined;
  issues: AttributeIssue[];
}

/** One value per x and series (every kind but scatter); for `range`, the high ends too; `hbar` sorted as asked. */
function gridPoints(dataset: Dataset, indexes: number[], request: ChartRequest, tierIds: string[]): BuiltPoints {
  const options = { xOrder: tierIds, x: request.x, series: request.series, agg: request.agg, order: tierIds };
  const { grid, issues } = groupSeries(dataset, indexes, { ...options, y: request.y });
  const attributed = issues.map((item) => ({
    attribute: (item.what.startsWith('several rows') ? 'agg' : 'where') as keyof ChartRequest,
    ...item,
  }));
  let order = grid.xValues.map((_, index) => index);
  if (request.sort) {
    // Categories by their total over every series, largest first for `desc`.
    const total = (index: number) => grid.points.reduce((sum, points) => sum + (points[index]?.value ?? 0), 0);
    order = [...order].sort((a, b) => (request.sort === 'desc' ? total(b) - total(a) : total(a) - total(b)));
  }
  const pick = <T>(items: T[]) => order.map((index) => items[index]!);
  const highs = request.y2 ? groupSeries(dataset, indexes, { ...options, y: request.y2 }).grid : undefined;
  return {
    xValues: pick(grid.xValues),
    seriesKeys: grid.seriesKeys,
    points: grid.points.map(pick),
    highs: highs?.points.map((points) => pick(points.map((point) => point.value))),
    issues: attributed,
  };
}

/** A scatter: one point per row with a number in both x and y, in the data's order, per series. */
function scatterPoints(
  dataset: Dataset,
  indexes: number[],
  request: ChartRequest,
  name: string | undefined,
): BuiltPoints {
  const keys: string[] = [];
  const points: BuiltPoint[][] = [];
  for (const index of indexes) {
    const row = dataset.rows[index]!;
    const x = numericX(row[request.x] ?? null);
    const value = row[request.y];
    if (x === undefined || typeof value !== 'number') continue;
    const key = request.series ? String(row[request.series] ?? '') : '';
    if (request.series && key === '') continue;
    let at = keys.indexOf(key);
    if (at < 0) {
      keys.push(key);
      points.push([]);
      at = keys.length - 1;
    }
    points[at]!.push({ value, rows: [index], x, name: name ? String(row[name] ?? '') : undefined });
  }
  const issues: AttributeIssue[] =
    keys.length === 0 ? [{ attribute: 'where', ...issue(TB056, { path: dataset.path, x: request.x }) }] : [];
  return { xValues: [], seriesKeys: keys, points, issues };
}

function numericX(value: Row[string] | null): number | undefined {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value !== '') {
    const position = dateToYears(value);
    return Number.isFinite(position) ? position : undefined;
  }
  return undefined;
}

/** A scatter's point names: the first text column that is not x, y or the series. */
function defaultName(dataset: Dataset, request: ChartRequest): string | undefined {
  return dataset.columns.find(
    (column) =>
      column.type === 'category' && ![request.x, request.y, request.series, 'basis', 'source_id'].includes(column.name),
  )?.name;
}

/** A year or a date as a position on a time line, in years. */
export function timePosition(value: string | number): number {
  return typeof value === 'number' ? value : dateToYears(value);
}

/** The value axis: as asked, else a log axis when values span two orders of magnitude and no mark is a length. */
export function valueScale(type: ChartType, request: ChartRequest, series: SeriesSpec[]): 'linear' | 'logarithmic' {
  if (request.scale) return request.scale === 'log' ? 'logarithmic' : 'linear';
  if (FROM_ZERO_TYPES.includes(type) || type === 'range' || request.stack) return 'linear';
  return scaleFor(series);
}

/** May this column's values be stacked? Counts and amounts may; rates, shares and multiples only when declared so. */
function isAdditive(dataset: Dataset, column: Column): boolean {
  const declared = dataset.meta.columns[column.name]?.additive;
  if (declared !== undefined) return declared;
  return nonAdditiveKind(column) === undefined;
}

function nonAdditiveKind(column: Column): string | undefined {
  if (column.type === 'percent' || column.type === 'fraction') return 'a percent column';
  if (column.unit === '×' || column.unit === 'x') return 'a multiple';
  if (/\brate\b|\bratio\b|\baverage\b|\bmean\b|\bper\b/i.test(`${column.name.replace(/_/g, ' ')} ${column.label}`)) {
    return 'a rate or an average';
  }
  return undefined;
}

/** Values from $41 to $7,850 on a linear axis hide the small ones: such spans get a log axis. */
const LOG_SPAN = 100;

function scaleFor(series: SeriesSpec[]): 'linear' | 'logarithmic' {
  const values = series.flatMap((item) => item.values).filter((value): value is number => value !== null);
  if (values.length < 2 || values.some((value) => value <= 0)) return 'linear';
  const [least, most] = extentOf(values)!;
  return most / least >= LOG_SPAN ? 'logarithmic' : 'linear';
}

function formatOf(column: Column): ChartSpec['y']['format'] {
  return { type: column.type, unit: column.unit, decimals: column.decimals };
}

function distinctInDataset(dataset: Dataset, column: string): string[] {
  const seen = new Set<string>();
  for (const row of dataset.rows) {
    const value = row[column];
    if (value !== null && value !== undefined) seen.add(String(value));
  }
  return [...seen];
}
