/**
 * A chart described once, as plain JSON: what is drawn. Every rendering (the
 * canvas, the data table, alt text, downloads, images) derives from it, so they
 * cannot disagree. How it is drawn lives in `to-chart-config.ts`.
 */
import type { Aggregate } from '../aggregate/combine.ts';
import type { Filter } from '../aggregate/where.ts';
import type { Source } from '../data/metadata.ts';
import type { ValueFormat } from '../format.ts';

/** Chart types (docs/authoring.md: `type` is `line` or `bar`). */
export const CHART_TYPES = ['line', 'bar'] as const;
export type ChartType = (typeof CHART_TYPES)[number];

/** Is this text a chart type? */
export function isChartType(value: string): value is ChartType {
  return (CHART_TYPES as readonly string[]).includes(value);
}

/** Whether a point's figure comes from a source or is a placeholder. */
export type Basis = 'reported' | 'illustrative';

/** One line or one group of bars. */
export interface SeriesSpec {
  /** The series value in the data (a tier id such as `micro`), or `''` for a single series. */
  key: string;
  label: string;
  /** Colour on light and dark backgrounds, fixed per key by config. */
  color: string;
  darkColor: string;
  /** One value per x value; `null` is a gap. */
  values: (number | null)[];
  /** Per point: reported or illustrative (`null` for a gap). */
  basis: (Basis | null)[];
  /** Per point: the low–high range when the value is a midpoint, else `null`. */
  ranges: ([number, number] | null)[];
}

/** Everything needed to draw, describe and download one chart. */
export interface ChartSpec {
  /** Permanent id: the `<figure id>` and the chart's URL segment. */
  id: string;
  title: string;
  type: ChartType;
  locale: string;
  dataset: { name: string; title: string; path: string };
  /** `values` as in the data; `labels` as shown (tier ids become their configured labels). */
  x: { column: string; label: string; format: ValueFormat; values: (string | number)[]; labels: string[] };
  /** `logarithmic` when positive values span two orders of magnitude or more (prices by tier). */
  y: { column: string; label: string; format: ValueFormat; scale: 'linear' | 'logarithmic' };
  /** The column that splits series, if any. */
  seriesColumn?: string | undefined;
  series: SeriesSpec[];
  filters: Filter[];
  agg?: Aggregate | undefined;
  /** Sources of the rows drawn (all the dataset's sources when rows name none). */
  sources: Source[];
  notes: string[];
  /** Counts the caption mentions. */
  counts: { points: number; gaps: number; illustrative: number; midpoints: number };
}
