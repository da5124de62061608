/**
 * A chart described once, as plain JSON: what is drawn. Every rendering (the
 * canvas, the data table, alt text, downloads, images) derives from it, so they
 * cannot disagree. How it is drawn lives in `to-chart-config.ts`.
 */
import type { Aggregate } from '../aggregate/combine.ts';
import type { Filter } from '../aggregate/where.ts';
import type { Source } from '../data/metadata.ts';
import type { ValueFormat } from '../format.ts';

/** Chart kinds (docs/authoring.md, "Chart kinds"). */
export const CHART_TYPES = ['line', 'area', 'bar', 'hbar', 'dot', 'range', 'slope', 'scatter'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Is this text a chart type? */
export function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}

/** Kinds whose marks are lengths from zero: never on a log axis (a bar's length is its value). */
export const FROM_ZERO_TYPES: readonly ChartType[] = ['bar', 'hbar', 'area'];

/** Kinds whose x axis is a time line when x is a year or date column (the others draw x as categories). */
export const TIME_TYPES: readonly ChartType[] = ['line', 'area', 'dot', 'slope', 'scatter'];

/**
 * Is the chart drawn sideways, categories as rows and values along the width? Horizontal bars always; dot plots
 * and ranges over categories too, so every category's label has a row of its own, also on a phone.
 * @param spec The chart's kind and x scale.
 */
export function isHorizontal(spec: { type: ChartType; x: { scale?: string | undefined } }): boolean {
  return (
    spec.type === 'hbar' ||
    ((spec.type === 'dot' || spec.type === 'range') && (spec.x.scale ?? 'category') === 'category')
  );
}

/**
 * The categories a chart draws as rows (0 when its categories run along the width): the frame grows with them.
 * @param spec The chart.
 */
function rowsOf(spec: Pick<ChartSpec, 'type' | 'x'>): number {
  return isHorizontal(spec) ? spec.x.values.length : 0;
}

/**
 * What sets a chart frame's height: its rows (horizontal kinds) and its panels (small multiples).
 * @param spec The chart.
 */
export function frameShape(spec: Pick<ChartSpec, 'type' | 'x' | 'panels'>): { rows: number; panels: number } {
  return { rows: rowsOf(spec), panels: spec.panels?.length ?? 0 };
}

/** Ways to stack series (`stack=`), for `bar`, `hbar` and `area`. */
export const STACKS = ['normal', 'percent'] as const;
export type Stack = (typeof STACKS)[number];

/** Whether a point's figure comes from a source or is a placeholder. */
export type Basis = 'reported' | 'illustrative';

/** One line, one group of bars, one set of dots or of scatter points. */
export interface SeriesSpec {
  /** The series value in the data (a tier id such as `micro`), or `''` for a single series. */
  key: string;
  label: string;
  /** Colour on light and dark backgrounds, fixed per key by config. */
  color: string;
  darkColor: string;
  /** One value per x value (per point for a scatter); `null` is a gap. */
  values: (number | null)[];
  /** Per point: reported or illustrative (`null` for a gap). */
  basis: (Basis | null)[];
  /** Per point: the low–high range when the value is a midpoint, else `null`. */
  ranges: ([number, number] | null)[];
  /** `range` charts: per x value, the high end (`y2`); `values` hold the low end. */
  highs?: (number | null)[] | undefined;
  /** `scatter` charts: per point, its x value and its name (`name=` column). */
  xs?: number[] | undefined;
  names?: string[] | undefined;
}

/** A note drawn on the chart and written into its description (`mark`, `band`, `ref`, `label`). */
export type Annotation =
  /** A labelled vertical line at an x value (a position on a time or number axis, an index on a category axis). */
  | { kind: 'mark'; at: number; where: string; text: string }
  /** A shaded x range. */
  | { kind: 'band'; from: number; to: number; where: string; text: string }
  /** A labelled line across the chart at a value of the measure. */
  | { kind: 'ref'; value: number; where: string; text: string }
  /** A note on one point: series index and point index. */
  | { kind: 'label'; series: number; point: number; where: string; text: string };

/** Everything needed to draw, describe and download one chart. */
export interface ChartSpec {
  /** Permanent id: the `<figure id>` and the chart's URL segment. */
  id: string;
  title: string;
  type: ChartType;
  /** How series are stacked (`bar`, `hbar`, `area`); absent: side by side, or overlaid. */
  stack?: Stack | undefined;
  locale: string;
  dataset: { name: string; title: string; path: string };
  /**
   * `values` as in the data; `labels` as shown (tier ids become their configured labels). `scale`: `category`
   * (evenly spaced; also when absent), `time` (years and dates, at `positions` in years: 2010, 2011.5 …), or for a scatter
   * `linear`/`logarithmic` over its numbers. A scatter has no x values here: each series holds its points' `xs`.
   */
  x: {
    column: string;
    label: string;
    format: ValueFormat;
    values: (string | number)[];
    labels: string[];
    scale?: 'category' | 'time' | 'linear' | 'logarithmic' | undefined;
    positions?: number[] | undefined;
    /** A scatter's x extent, when panels share one axis. */
    extent?: [number, number] | undefined;
  };
  /**
   * `logarithmic` when asked for, or when positive values span two orders of magnitude on a kind without bars.
   * `extent`: the lowest and highest value the axis must reach, when panels share one axis.
   */
  y: {
    column: string;
    label: string;
    format: ValueFormat;
    scale: 'linear' | 'logarithmic';
    extent?: [number, number] | undefined;
  };
  /** `range` charts: the column of each bar's high end. */
  y2?: { column: string; label: string } | undefined;
  /** The column that splits series, if any. */
  seriesColumn?: string | undefined;
  /** `scatter` charts: the column that names each point. */
  nameColumn?: { column: string; label: string } | undefined;
  series: SeriesSpec[];
  /**
   * Small multiples (`facet=`): one panel per value of `facet.column`, each a whole chart on the same axes as
   * the others. This spec's `series` then name every panel's series (keys, labels, colours) without values.
   */
  facet?: { column: string; label: string } | undefined;
  panels?: ChartSpec[] | undefined;
  /** A panel's title (its value of the facet column), drawn above it. */
  panelTitle?: string | undefined;
  /**
   * A panel's legend explains illustrative values and midpoints when any panel has them, so every panel's
   * legend takes the same room and the panels' plots line up.
   */
  legendKeys?: { illustrative: boolean; midpoints: boolean } | undefined;
  /** Notes on the chart (absent: none). */
  annotations?: Annotation[] | undefined;
  filters: Filter[];
  agg?: Aggregate | undefined;
  /** Sources of the rows drawn (all the dataset's sources when rows name none). */
  sources: Source[];
  notes: string[];
  /** Counts the caption mentions. */
  counts: { points: number; gaps: number; illustrative: number; midpoints: number };
}

/**
 * Each value as a percent of its x value's total (the sum of the series' magnitudes there), for `stack="percent"`:
 * what the chart draws, its tooltips and its table say. `null` for a gap or a zero total.
 * @param spec The chart.
 */
export function percentShares(spec: Pick<ChartSpec, 'x' | 'series'>): (number | null)[][] {
  const totals = spec.x.values.map((_, index) =>
    spec.series.reduce((sum, series) => sum + Math.abs(series.values[index] ?? 0), 0),
  );
  return spec.series.map((series) =>
    series.values.map((value, index) =>
      value === null || totals[index] === 0 ? null : (value / totals[index]!) * 100,
    ),
  );
}
