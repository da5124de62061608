/**
 * Small multiples (`facet="<column>"`): one panel per value of a column, each built as a chart of its own from
 * the rows with that value, then set on shared axes (the same x values, the same series with the same colours,
 * one value axis reaching every panel's values), so panels compare at a glance.
 */

import { applyFilters, cellText, parseWhere } from '../aggregate/where.ts';
import { findColumn } from '../data/find-column.ts';
import type { Dataset } from '../data/load-dataset.ts';
import { TB070, TB073 } from '../error-codes/charts.ts';
import { issue } from '../error-codes/define.ts';
import type { SiteConfig } from '../site-config.ts';
import { slugify } from '../slugify.ts';
import { type AttributeIssue, type ChartRequest, timePosition, valueScale } from './build-chart-spec.ts';
import type { ChartSpec, SeriesSpec } from './chart-spec.ts';

/** More panels than this are too small to read on a phone (TB073). */
const MAX_PANELS = 8;

type BuildOne = (
  dataset: Dataset,
  request: ChartRequest,
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'>,
) => { spec?: ChartSpec; issues: AttributeIssue[] };

/**
 * Builds a faceted chart: its panels, on shared axes.
 * @param dataset The dataset.
 * @param request The chart's attributes, `facet` among them.
 * @param config Site settings.
 * @param buildOne Builds one panel (`buildChartSpec`).
 */
export function buildFacets(
  dataset: Dataset,
  request: ChartRequest,
  config: Pick<SiteConfig, 'tiers' | 'palette' | 'locale'>,
  buildOne: BuildOne,
): { spec?: ChartSpec; issues: AttributeIssue[] } {
  const facet = request.facet!;
  const whole = { ...request, facet: undefined };
  const column = findColumn(dataset, facet, 'facet');
  if (column.issue) return { issues: [{ attribute: 'facet', ...column.issue }] };
  const where = parseWhere(request.where ?? '');
  // A filter that cannot be read is reported as any chart's would be.
  if (where.issues.length > 0) return { issues: buildOne(dataset, whole, config).issues };

  // Step 1: the panels' values, in the order of tiers, years or first appearance.
  const tierIds = config.tiers.map((tier) => tier.id);
  const seen = new Set<string>();
  for (const index of applyFilters(dataset.rows, where.filters)) {
    const value = cellText(dataset.rows[index]![facet] ?? null);
    if (value !== '') seen.add(value);
  }
  const numeric = column.column!.type === 'year' || column.column!.type === 'number';
  const values = [...seen].sort((a, b) => (numeric ? Number(a) - Number(b) : rank(tierIds, a) - rank(tierIds, b) || 0));
  if (values.length > MAX_PANELS) {
    return { issues: [{ attribute: 'facet', ...issue(TB073, { facet, count: values.length, limit: MAX_PANELS }) }] };
  }
  if (values.length === 0) return { issues: buildOne(dataset, whole, config).issues };

  // Step 2: a note (`label`) belongs to the panel its filter names.
  const issues: AttributeIssue[] = [];
  const labels = new Map<string, string[]>();
  for (const item of (request.label ?? '').split(';').filter((text) => text.trim() !== '')) {
    const position = item.slice(0, Math.max(0, item.indexOf(': ')));
    const named = new RegExp(`(?:^|\\s)${escapeRegExp(facet)}=(?:'([^']*)'|(\\S+))`).exec(position);
    const value = named?.[1] ?? named?.[2];
    if (value === undefined || !values.includes(value)) {
      issues.push({
        attribute: 'label',
        ...issue(TB070, {
          filter: position.trim(),
          count: 0,
          hint: `name its panel with ${facet}=… (one of ${values.map((text) => JSON.stringify(text)).join(', ')})`,
        }),
      });
      continue;
    }
    const rest = position.replace(named![0], ' ').trim();
    labels.set(value, [...(labels.get(value) ?? []), `${rest}: ${item.slice(item.indexOf(': ') + 2)}`]);
  }

  // Step 3: each panel, as a chart of the rows with its value.
  const pairs = where.filters.map((filter) => `${filter.column}=${filter.values.join(',')}`);
  const built = values.map((value) => {
    const tier = config.tiers.find((candidate) => candidate.id === value);
    return buildOne(
      dataset,
      {
        ...whole,
        id: `${request.id}-${slugify(value) || 'panel'}`,
        title: tier?.label ?? value,
        // Ended with ";" so a value with a space survives even as the only pair.
        where: `${[...pairs, `${facet}=${value}`].join('; ')};`,
        label: labels.get(value)?.join('; '),
      },
      config,
    );
  });
  const known = new Set<string>();
  for (const item of built.flatMap((panel) => panel.issues)) {
    // An annotation off the axis is off every panel's: said once.
    const key = `${item.attribute}|${item.what}`;
    if (!known.has(key)) issues.push(item);
    known.add(key);
  }
  if (issues.length > 0) return { issues };
  const panels = built.map((panel) => panel.spec!);
  return { spec: onSharedAxes(panels, request, { column: facet, label: column.column!.label }), issues };
}

/** The panels on one x axis (every panel's x values), with every series, on one value axis. */
function onSharedAxes(panels: ChartSpec[], request: ChartRequest, facet: { column: string; label: string }): ChartSpec {
  const first = panels[0]!;
  // x values: a scatter's are its points'; any other kind's, every panel's, in the axis's order.
  const xs = new Map<string, { value: string | number; label: string }>();
  for (const panel of panels)
    panel.x.values.forEach((value, index) => {
      xs.set(cellText(value), { value, label: panel.x.labels[index]! });
    });
  let xEntries = [...xs.values()];
  if (first.x.format.type === 'year' || first.x.format.type === 'number') {
    xEntries.sort((a, b) => Number(a.value) - Number(b.value));
  } else if (first.x.format.type === 'date') {
    xEntries.sort((a, b) => (String(a.value) < String(b.value) ? -1 : String(a.value) > String(b.value) ? 1 : 0));
  } else {
    // Categories keep the order the first panels give them.
    xEntries = [...xEntries];
  }
  const xValues = xEntries.map((entry) => entry.value);
  const seriesByKey = new Map<string, SeriesSpec>();
  for (const panel of panels)
    for (const series of panel.series) if (!seriesByKey.has(series.key)) seriesByKey.set(series.key, series);
  const allSeries = [...seriesByKey.values()];
  const scatter = first.type === 'scatter';
  const aligned = panels.map((panel): ChartSpec => {
    const indexOf = (x: string | number) => panel.x.values.findIndex((value) => cellText(value) === cellText(x));
    const series = allSeries.map((template): SeriesSpec => {
      const own = panel.series.find((item) => item.key === template.key);
      if (scatter) return own ?? { ...template, values: [], basis: [], ranges: [], xs: [], names: [] };
      const pick = <T>(items: T[] | undefined, empty: T) =>
        xValues.map((x) => {
          const at = indexOf(x);
          return at < 0 || !items ? empty : items[at]!;
        });
      return {
        ...template,
        values: pick(own?.values, null),
        basis: pick(own?.basis, null),
        ranges: pick(own?.ranges, null),
        ...(template.highs ? { highs: pick(own?.highs, null) } : {}),
      };
    });
    return {
      ...panel,
      x: scatter
        ? panel.x
        : {
            ...panel.x,
            values: xValues,
            labels: xEntries.map((entry) => entry.label),
            ...(panel.x.scale === 'time' ? { positions: xValues.map((value) => timePosition(value)) } : {}),
          },
      series,
    };
  });
  // One value axis for every panel: the scale the whole data asks for, reaching every panel's values.
  const everySeries = aligned.flatMap((panel) => panel.series);
  const scale = valueScale(first.type, request, everySeries);
  const numbers = everySeries.flatMap((series) => [
    ...series.values,
    ...(series.highs ?? []),
    ...series.ranges.flatMap((range) => range ?? []),
  ]);
  let [low, high] = [Infinity, -Infinity];
  for (const value of numbers) {
    if (value === null) continue;
    if (value < low) low = value;
    if (value > high) high = value;
  }
  // Stacked bars and areas reach the highest stack of any panel.
  if (request.stack === 'normal') {
    for (const panel of aligned)
      panel.x.values.forEach((_, index) => {
        const total = panel.series.reduce((sum, series) => sum + (series.values[index] ?? 0), 0);
        if (total > high) high = total;
      });
  }
  const sharedX = scatter ? spanOfScatter(aligned) : undefined;
  const legendKeys = {
    illustrative: panels.some((panel) => panel.counts.illustrative > 0),
    midpoints: panels.some((panel) => panel.counts.midpoints > 0),
  };
  const withAxes = aligned.map((panel, index) => ({
    ...panel,
    y: { ...panel.y, scale, extent: [low, high] as [number, number] },
    ...(sharedX ? { x: { ...panel.x, extent: sharedX } } : {}),
    panelTitle: panel.title,
    legendKeys,
    title: `${request.title}: ${panel.title}`,
    // A panel's id names its drawing's parts; the panel is not a chart of its own.
    id: `${request.id}-panel-${index + 1}`,
  }));
  const sources = new Map(panels.flatMap((panel) => panel.sources).map((source) => [source.id, source]));
  const counts = { points: 0, gaps: 0, illustrative: 0, midpoints: 0 };
  for (const panel of panels)
    for (const key of Object.keys(counts) as (keyof typeof counts)[]) counts[key] += panel.counts[key];
  return {
    ...withAxes[0]!,
    id: request.id,
    title: request.title,
    panelTitle: undefined,
    legendKeys: undefined,
    x: { ...withAxes[0]!.x },
    y: { ...withAxes[0]!.y },
    series: allSeries.map((series) => ({ ...series, values: xValues.map(() => null), basis: [], ranges: [] })),
    facet,
    panels: withAxes,
    annotations: [],
    filters: parseWhere(request.where ?? '').filters,
    sources: [...sources.values()],
    counts,
    notes: first.notes,
  };
}

/** A scatter's x extent over every panel, so panels share their x axis too. */
function spanOfScatter(panels: ChartSpec[]): [number, number] | undefined {
  const xs = panels.flatMap((panel) => panel.series.flatMap((series) => series.xs ?? []));
  if (xs.length === 0) return undefined;
  let [low, high] = [Infinity, -Infinity];
  for (const value of xs) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return [low, high];
}

function rank(order: readonly string[], value: string): number {
  const at = order.indexOf(value);
  return at < 0 ? order.length : at;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
