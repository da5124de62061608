/**
 * Builds a ChartSpec from a dataset and a chart's attributes, checking every
 * attribute against the data (columns exist, values exist, one value per point).
 */

import type { Aggregate } from '../aggregate/combine.ts';
import { groupSeries } from '../aggregate/series.ts';
import { applyFilters, checkFilters, parseWhere } from '../aggregate/where.ts';
import type { Column } from '../data/columns.ts';
import { findColumn, findMeasure } from '../data/find-column.ts';
import type { Dataset } from '../data/load-dataset.ts';
import type { Issue } from '../errors.ts';
import { extentOf } from '../extent.ts';
import type { SiteConfig } from '../site-config.ts';
import type { Basis, ChartSpec, ChartType, SeriesSpec } from './chart-spec.ts';

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

  // Step 1: columns.
  const y = findMeasure(dataset, request.y, 'y');
  add('y', y.issue);
  const x = findColumn(dataset, request.x, 'x');
  add('x', x.issue);
  const series = request.series ? findColumn(dataset, request.series, 'series') : {};
  add('series', series.issue);

  // Step 2: filters.
  const where = parseWhere(request.where ?? '');
  where.issues.forEach((issue) => {
    add('where', issue);
  });
  checkFilters(where.filters, dataset).forEach((issue) => {
    add('where', issue);
  });
  if (issues.length > 0 || !y.column || !x.column) return { issues };

  // Step 3: the grid.
  const indexes = applyFilters(dataset.rows, where.filters);
  const tierIds = config.tiers.map((tier) => tier.id);
  const { grid, issues: gridIssues } = groupSeries(dataset, indexes, {
    xOrder: tierIds,
    x: request.x,
    y: request.y,
    series: request.series,
    agg: request.agg,
    order: tierIds,
  });
  gridIssues.forEach((issue) => {
    add(issue.what.startsWith('several rows') ? 'agg' : 'where', issue);
  });
  if (issues.length > 0) return { issues };

  // Step 4: series with fixed colours and flags.
  const paletteKeys = request.series ? distinctInDataset(dataset, request.series) : [];
  const basisColumn = dataset.columns.some((column) => column.name === 'basis');
  const sourceIds = new Set<string>();
  const counts = { points: 0, gaps: 0, illustrative: 0, midpoints: 0 };
  const seriesSpecs: SeriesSpec[] = grid.seriesKeys.map((key, seriesIndex) => {
    const tier = config.tiers.find((candidate) => candidate.id === key);
    const paletteIndex = Math.max(0, paletteKeys.indexOf(key));
    const colors = tier ?? config.palette[paletteIndex % config.palette.length]!;
    const points = grid.points[seriesIndex]!;
    const basis: (Basis | null)[] = [];
    const ranges: ([number, number] | null)[] = [];
    for (const point of points) {
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
      label: tier?.label ?? (key === '' ? y.column!.label : key),
      color: colors.color,
      darkColor: colors.darkColor,
      values: points.map((point) => point.value),
      basis,
      ranges,
    };
  });

  const hasSourceColumn = dataset.columns.some((column) => column.name === 'source_id');
  const sources = hasSourceColumn
    ? dataset.meta.sources.filter((source) => sourceIds.has(source.id))
    : dataset.meta.sources;
  const spec: ChartSpec = {
    id: request.id,
    title: request.title,
    type: request.type,
    locale: config.locale,
    dataset: { name: dataset.name, title: dataset.meta.title, path: dataset.path },
    x: {
      column: x.column.name,
      label: x.column.label,
      format: formatOf(x.column),
      values: grid.xValues,
      labels: grid.xValues.map((value) => config.tiers.find((tier) => tier.id === value)?.label ?? String(value)),
    },
    y: { column: y.column.name, label: y.column.label, format: formatOf(y.column), scale: scaleFor(seriesSpecs) },
    seriesColumn: request.series,
    series: seriesSpecs,
    filters: where.filters,
    agg: request.agg,
    sources,
    notes: dataset.meta.notes ?? [],
    counts,
  };
  return { spec, issues };
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
