/**
 * ChartSpec → chart.js configuration: how a chart is drawn. Used by the
 * browser runtime (and by build-time images), so it imports chart.js types only.
 */
import type {
  Chart,
  ChartConfiguration,
  ChartDataset,
  Plugin,
  ScriptableLineSegmentContext,
  TooltipItem,
} from 'chart.js';
import { drawnText } from '../bidi.ts';
import { maxOf, minOf } from '../extent.ts';
import { axisTitle, formatValue } from '../format.ts';
import { colours, type Scheme } from '../theme-tokens.ts';
import type { ChartSpec, SeriesSpec } from './chart-spec.ts';

/** Colours of the page the chart sits on. */
export interface ChartTheme {
  dark: boolean;
  text: string;
  muted: string;
  grid: string;
  background: string;
  /** Font family for labels. */
  font: string;
}

/** A chart theme from the site's colour tokens (the same table as the CSS custom properties). */
function chartTheme(scheme: Scheme): ChartTheme {
  const colour = colours(scheme);
  return {
    dark: scheme === 'dark',
    text: colour.text,
    muted: colour.muted,
    grid: colour['chart-grid'],
    background: colour.bg,
    font: 'Inter, system-ui, sans-serif',
  };
}

/** The light and dark themes, from the site's colour tokens. */
export const CHART_THEMES: Record<Scheme, ChartTheme> = { light: chartTheme('light'), dark: chartTheme('dark') };

/** An x label as chart.js takes it: one line, or several. */
export type ChartLabel = string | string[];

/**
 * Builds the chart.js configuration for a spec.
 * @param spec The chart.
 * @param theme Light or dark colours.
 * @param compact For small frames (embeds, under about 360×260 px): smaller legend, no axis titles (default: `false`).
 */
export function toChartConfig(
  spec: ChartSpec,
  theme: ChartTheme,
  compact = false,
): ChartConfiguration<'line' | 'bar', (number | null)[], ChartLabel> {
  const format = (value: number | null, compact = false) => formatValue(value, spec.y.format, spec.locale, compact);
  // A line break in a label's cell stays a line break under the axis: chart.js draws an array as lines
  // (a canvas would draw "\n" as nothing). Tooltips split the lines themselves. Labels are drawn without
  // direction overrides: a U+202E in a label would draw it reversed (the check warns about it).
  const labels = spec.x.labels.map((text): ChartLabel => {
    const label = drawnText(text);
    return label.includes('\n') ? label.split('\n') : label;
  });
  const single = spec.series.length === 1 && spec.series[0]!.key === '';
  const datasets = spec.series.map((series) =>
    spec.type === 'line' ? lineDataset(series, theme) : barDataset(series, theme),
  );
  return {
    type: spec.type,
    data: { labels, datasets },
    plugins: [fitAxisTitle, ...(spec.counts.midpoints > 0 ? [rangeWhiskers(spec, theme)] : [])],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      interaction: { mode: 'index', intersect: false },
      // A tier with no value in a year leaves no empty slot: the bars of that year stay centred on it.
      skipNull: true,
      spanGaps: false,
      color: theme.text,
      layout: { padding: { top: 4, right: 8 } },
      scales: {
        x: {
          grid: { display: spec.type === 'line', color: theme.grid },
          ticks: { color: theme.muted, maxRotation: 0, autoSkipPadding: 8 },
          title: { display: !compact, text: drawnText(spec.x.label), color: theme.muted },
          border: { color: theme.grid },
        },
        y: {
          type: spec.y.scale,
          beginAtZero: spec.y.scale === 'linear',
          // A log axis starts at the power of ten below the smallest value, so its bar stays visible.
          // The axis reaches the top of every published range, so no whisker is cut short; a log axis ends on a labelled value.
          ...(spec.y.scale === 'logarithmic'
            ? { min: logFloor(spec), max: logCeil(spec) }
            : { suggestedMax: highest(spec) }),
          // On a log axis only the labelled ticks get a grid line.
          grid:
            spec.y.scale === 'logarithmic'
              ? { color: (context) => (isRoundLogTick(context.tick?.value ?? 0) ? theme.grid : 'transparent') }
              : { color: theme.grid },
          border: { display: false },
          ticks:
            spec.y.scale === 'logarithmic'
              ? // chart.js puts a tick at every 1–9 × 10ⁿ, and its labels crowd together: label 1, 2 and 5 × 10ⁿ only.
                {
                  color: theme.muted,
                  autoSkip: false,
                  callback: (value) => (isRoundLogTick(Number(value)) ? format(Number(value), true) : ''),
                }
              : { color: theme.muted, callback: (value) => format(Number(value), true) },
          title: {
            display: !compact,
            text: `${axisTitle(drawnText(spec.y.label), spec.y.format)}${spec.y.scale === 'logarithmic' ? ', log scale' : ''}`,
            color: theme.muted,
          },
        },
      },
      plugins: {
        legend: {
          display: !single,
          position: 'top',
          align: 'start',
          labels: {
            color: theme.text,
            usePointStyle: true,
            boxWidth: compact ? 6 : 8,
            boxHeight: compact ? 6 : 8,
            padding: compact ? 6 : 14,
            ...(compact ? { font: { size: 11 } } : {}),
            // One solid marker per series, whatever its first point is (illustrative points are hollow).
            generateLabels: (chart) =>
              spec.series.map((series, index) => ({
                text: drawnText(series.label),
                fillStyle: colorOf(series, theme),
                strokeStyle: colorOf(series, theme),
                lineWidth: 0,
                pointStyle: spec.type === 'bar' ? 'rect' : 'circle',
                fontColor: theme.text,
                hidden: !chart.isDatasetVisible(index),
                datasetIndex: index,
              })),
          },
        },
        tooltip: {
          callbacks: {
            label: (item: TooltipItem<'line' | 'bar'>) => {
              const series = spec.series[item.datasetIndex]!;
              const index = item.dataIndex;
              const value = series.values[index] ?? null;
              const range = series.ranges[index];
              const notes = [
                range ? `midpoint of ${format(range[0])}–${format(range[1])}` : '',
                series.basis[index] === 'illustrative' ? 'illustrative' : '',
              ].filter(Boolean);
              return `${drawnText(single ? spec.y.label : series.label)}: ${format(value)}${notes.length ? ` (${notes.join(', ')})` : ''}`;
            },
          },
        },
      },
    },
  };
}

/**
 * A y-axis title longer than the axis would run into the legend (a phone, a
 * short frame): it is shortened with "…" to the axis's height, keeping its unit
 * in brackets. The table caption and the alt text keep the whole title.
 */
const fitAxisTitle: Plugin<'line' | 'bar'> = {
  id: 'trendbookAxisTitle',
  beforeDraw(chart) {
    const scale = chart.scales.y;
    const title = (
      scale?.options as { title?: { display: boolean; text: unknown; font?: FontSpec; fullText?: string } } | undefined
    )?.title;
    if (!scale || !title?.display || typeof title.text !== 'string') return;
    const full = (title.fullText ??= title.text);
    const { ctx } = chart;
    ctx.save();
    ctx.font = toFontString(title.font ?? (chart.options.font as FontSpec | undefined) ?? {});
    const fits = (text: string) => ctx.measureText(text).width <= scale.height;
    let text = full;
    if (!fits(text)) {
      const unit = /\s\([^()]*\)$/.exec(full)?.[0] ?? '';
      const label = [...full.slice(0, full.length - unit.length)];
      while (label.length > 1 && !fits(`${label.join('').trimEnd()}…${unit}`)) label.pop();
      // End at a whole word when there is one ("Conversations…", not "Conversations v…").
      const kept = label.join('');
      const space = kept.lastIndexOf(' ');
      text = `${(space > 0 && full[kept.length] !== ' ' ? kept.slice(0, space) : kept).trimEnd()}…${unit}`;
    }
    ctx.restore();
    title.text = text;
  },
};

type FontSpec = { style?: string; weight?: string | number | null; size?: number; family?: string };

function toFontString(font: FontSpec): string {
  return [font.style ?? 'normal', font.weight ?? 'normal', `${font.size ?? 12}px`, font.family ?? 'sans-serif'].join(
    ' ',
  );
}

/**
 * A value drawn at the midpoint of a published range gets a whisker from the
 * range's low to its high end, on the bar or point itself, so the mark is on
 * the chart and not only in the table and tooltip.
 */
function rangeWhiskers(spec: ChartSpec, theme: ChartTheme): Plugin<'line' | 'bar'> {
  return {
    id: 'trendbookRanges',
    afterDatasetsDraw(chart: Chart<'line' | 'bar'>) {
      const { ctx, chartArea } = chart;
      const y = chart.scales.y!;
      const pixel = (value: number) => {
        const at = y.getPixelForValue(value);
        return Number.isFinite(at) ? Math.min(Math.max(at, chartArea.top), chartArea.bottom) : chartArea.bottom;
      };
      ctx.save();
      spec.series.forEach((series, index) => {
        if (!chart.isDatasetVisible(index)) return;
        const elements = chart.getDatasetMeta(index).data;
        series.ranges.forEach((range, point) => {
          const element = elements[point];
          if (!range || !element) return;
          const [top, bottom] = [pixel(range[1]), pixel(range[0])];
          const cap = 4;
          // Drawn twice, wide in the background colour and then thin in the text colour, so it shows on any bar.
          for (const [color, width] of [
            [theme.background, 4],
            [theme.text, 1.5],
          ] as const) {
            ctx.strokeStyle = color;
            ctx.lineWidth = width;
            ctx.beginPath();
            ctx.moveTo(element.x, top);
            ctx.lineTo(element.x, bottom);
            ctx.moveTo(element.x - cap, top);
            ctx.lineTo(element.x + cap, top);
            ctx.moveTo(element.x - cap, bottom);
            ctx.lineTo(element.x + cap, bottom);
            ctx.stroke();
          }
        });
      });
      ctx.restore();
    },
  };
}

/** Is this log-axis tick 1, 2 or 5 × 10ⁿ? */
export function isRoundLogTick(value: number): boolean {
  if (!(value > 0)) return false;
  const lead = value / 10 ** Math.floor(Math.log10(value) + 1e-9);
  return [1, 2, 5].some((round) => Math.abs(lead - round) < 1e-6);
}

/** The largest value or range high of any series. */
function highest(spec: ChartSpec): number {
  const values = spec.series.flatMap((series) => [
    ...series.values,
    ...series.ranges.map((range) => range?.[1] ?? null),
  ]);
  return maxOf(values.filter((value): value is number => value !== null)) ?? -Infinity;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above every value and range high. */
function logCeil(spec: ChartSpec): number {
  const top = highest(spec);
  const power = 10 ** Math.floor(Math.log10(top));
  return [1, 2, 5, 10].map((step) => step * power).find((value) => value >= top * (1 - 1e-9))!;
}

/** The power of ten at or below every positive value and range low. */
function logFloor(spec: ChartSpec): number {
  const values = spec.series
    .flatMap((series) => [...series.values, ...series.ranges.map((range) => range?.[0] ?? null)])
    .filter((value): value is number => value !== null && value > 0);
  return 10 ** Math.floor(Math.log10(minOf(values) ?? Infinity));
}

function colorOf(series: SeriesSpec, theme: ChartTheme): string {
  return theme.dark ? series.darkColor : series.color;
}

/** Lines: reported points filled, illustrative points hollow on dashed segments, midpoints as diamonds. */
function lineDataset(series: SeriesSpec, theme: ChartTheme): ChartDataset<'line', (number | null)[]> {
  const color = colorOf(series, theme);
  const illustrative = (index: number) => series.basis[index] === 'illustrative';
  return {
    label: drawnText(series.label),
    data: series.values,
    borderColor: color,
    backgroundColor: color,
    borderWidth: 2.5,
    tension: 0,
    pointStyle: series.ranges.map((range) => (range ? 'rectRot' : 'circle')),
    pointRadius: series.values.map((value, index) => (value === null ? 0 : series.ranges[index] ? 5 : 3.5)),
    pointHoverRadius: 6,
    pointBackgroundColor: series.values.map((_, index) => (illustrative(index) ? theme.background : color)),
    pointBorderColor: color,
    pointBorderWidth: 2,
    segment: {
      borderDash: (context: ScriptableLineSegmentContext) =>
        illustrative(context.p0DataIndex) || illustrative(context.p1DataIndex) ? [5, 4] : undefined,
    },
  };
}

/** Bars: reported bars solid, illustrative bars pale with a solid outline. */
function barDataset(series: SeriesSpec, theme: ChartTheme): ChartDataset<'bar', (number | null)[]> {
  const color = colorOf(series, theme);
  return {
    label: drawnText(series.label),
    data: series.values,
    backgroundColor: series.basis.map((basis) => (basis === 'illustrative' ? `${color}40` : color)),
    borderColor: color,
    borderWidth: series.basis.map((basis) => (basis === 'illustrative' ? 1.5 : 0)),
    borderRadius: 2,
    maxBarThickness: 28,
    pointStyle: 'rect',
  };
}
