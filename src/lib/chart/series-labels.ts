/**
 * Series labelled where they end: a line chart names each line at its last point, a slope chart at both
 * ends with the values, so a reader does not match colours with a legend. When the labels do not fit (a
 * phone, a small frame, labels longer than a third of the chart), the legend names the series instead.
 */
import type { Chart, Plugin } from 'chart.js';
import { drawnText } from '../bidi.ts';
import { formatValue } from '../format.ts';
import type { ChartSpec } from './chart-spec.ts';
import { type ChartJsType, type ChartTheme, colorOf, type FontSpec, toFontString } from './to-chart-config.ts';

/** Narrower than this, lines keep a legend. */
const MIN_WIDTH = 480;
const GAP = 8;

/** What `toChartConfig` needs: whether the labels fit a chart, the room they take, and the plugin that draws them. */
export interface EndLabels {
  fit: (chart: Chart) => boolean;
  /** Padding beside the plot for labels at the right (and, for a slope, left) ends of lines. */
  right: (chart: Chart) => number;
  left: (chart: Chart) => number;
  /** A slope's labels sit inside the plot, beside its two columns of points: the room they need there, in pixels. */
  inset: (chart: Chart) => { left: number; right: number };
  plugin?: Plugin<ChartJsType> | undefined;
}

/**
 * End labels for a spec.
 * @param spec The chart.
 * @param theme Its colours.
 * @param compact A small frame: never.
 */
export function endLabels(spec: ChartSpec, theme: ChartTheme, compact: boolean): EndLabels {
  const slope = spec.type === 'slope';
  const labelled = !compact && (slope || (spec.type === 'line' && spec.series.length > 1));
  const none: EndLabels = { fit: () => false, right: () => 0, left: () => 0, inset: () => ({ left: 0, right: 0 }) };
  if (!labelled) return none;
  const format = (value: number) => formatValue(value, spec.y.format, spec.locale);
  const single = spec.series.length === 1 && spec.series[0]!.key === '';
  const name = (index: number) => (single ? '' : drawnText(spec.series[index]!.label));
  const texts = (side: 'left' | 'right', named: boolean) =>
    spec.series.map((series, index) => {
      const points = series.values.flatMap((value, point) => (value === null ? [] : [{ value, point }]));
      const end = side === 'right' ? points.at(-1) : points[0];
      if (!end) return undefined;
      const who = named ? name(index) : '';
      const text = slope
        ? side === 'right'
          ? `${format(end.value)} ${who}`.trim()
          : `${who} ${format(end.value)}`.trim()
        : who;
      return { index, point: end.point, text };
    });
  const widths = new WeakMap<Chart, Map<boolean, { left: number; right: number }>>();
  const measure = (chart: Chart, named: boolean) => {
    const byMode = widths.get(chart) ?? new Map<boolean, { left: number; right: number }>();
    widths.set(chart, byMode);
    let known = byMode.get(named);
    if (!known) {
      const ctx = chart.ctx;
      ctx.save();
      ctx.font = toFontString({ ...(chart.options.font as FontSpec), weight: 600 });
      const widest = (side: 'left' | 'right') =>
        Math.max(0, ...texts(side, named).map((item) => (item ? ctx.measureText(item.text).width : 0)));
      known = { left: slope ? widest('left') : 0, right: widest('right') };
      ctx.restore();
      byMode.set(named, known);
    }
    return known;
  };
  /**
   * `names` when the series' names fit beside their ends; for a slope that is too narrow for names, `values`
   * (its two columns of values stay labelled, the legend names the series); else `none`.
   */
  const mode = (chart: Chart): 'names' | 'values' | 'none' => {
    if (!chart.ctx) return 'none';
    const named = measure(chart, true);
    if (chart.width >= MIN_WIDTH && named.left + named.right <= chart.width / 3) return 'names';
    const values = measure(chart, false);
    return slope && values.left + values.right <= chart.width / 2 ? 'values' : 'none';
  };
  const inside = (chart: Chart) => {
    const current = mode(chart);
    if (!slope || current === 'none') return { left: 0, right: 0 };
    const room = measure(chart, current === 'names');
    return { left: room.left + 2 * GAP, right: room.right + 2 * GAP };
  };
  return {
    fit: (chart) => mode(chart) === 'names',
    right: (chart) => (!slope && mode(chart) === 'names' ? measure(chart, true).right + GAP : 0),
    left: () => 0,
    inset: inside,
    plugin: {
      id: 'trendbookEndLabels',
      afterDatasetsDraw(chart: Chart<ChartJsType>) {
        const current = mode(chart as unknown as Chart);
        if (current === 'none') return;
        const { ctx, chartArea } = chart;
        ctx.save();
        const font = chart.options.font as FontSpec;
        ctx.font = toFontString({ ...font, weight: 600 });
        const lineHeight = (font.size ?? 12) + 3;
        for (const side of slope ? (['left', 'right'] as const) : (['right'] as const)) {
          const placed = texts(side, current === 'names')
            .flatMap((item) => {
              if (!item || !chart.isDatasetVisible(item.index)) return [];
              const element = chart.getDatasetMeta(item.index).data[item.point];
              return element ? [{ ...item, x: element.x, y: element.y }] : [];
            })
            .sort((a, b) => a.y - b.y);
          // Labels keep a line's height apart, pushed down and then, at the bottom, back up.
          for (let i = 1; i < placed.length; i++) placed[i]!.y = Math.max(placed[i]!.y, placed[i - 1]!.y + lineHeight);
          const overflow = (placed.at(-1)?.y ?? 0) - chartArea.bottom;
          if (overflow > 0) {
            placed.at(-1)!.y -= overflow;
            for (let i = placed.length - 2; i >= 0; i--)
              placed[i]!.y = Math.min(placed[i]!.y, placed[i + 1]!.y - lineHeight);
          }
          ctx.textAlign = side === 'right' ? 'left' : 'right';
          ctx.textBaseline = 'middle';
          for (const item of placed) {
            ctx.fillStyle = colorOf(spec.series[item.index]!, theme);
            ctx.fillText(item.text, side === 'right' ? item.x + GAP : item.x - GAP, item.y);
          }
        }
        ctx.restore();
      },
    },
  };
}
