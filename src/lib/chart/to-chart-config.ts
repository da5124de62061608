/**
 * ChartSpec → chart.js configuration: how a chart is drawn. Used by the
 * browser runtime (and by build-time images), so it imports chart.js types only.
 */
import type {
  Chart,
  ChartConfiguration,
  ChartDataset,
  LegendItem,
  Plugin,
  Scale,
  ScriptableLineSegmentContext,
  TooltipItem,
} from 'chart.js';
import { drawnText } from '../bidi.ts';
import { maxOf, minOf } from '../extent.ts';
import { axisTitle, formatValue, type ValueFormat } from '../format.ts';
import { colours, type Scheme } from '../theme-tokens.ts';
import { drawAnnotations } from './chart-annotations.ts';
import { type ChartSpec, isHorizontal, percentShares, type SeriesSpec } from './chart-spec.ts';
import { endLabels } from './series-labels.ts';
import { type TimeTicks, timeTickLabel, timeTicks } from './time-ticks.ts';
import { wrapLabel } from './wrap-label.ts';

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

/** The chart.js chart types Trendbook draws with. */
export type ChartJsType = 'line' | 'bar' | 'scatter';

/** A point as chart.js takes it: a value on a category axis, `{x, y}` on a time or number axis, `[low, high]` for a range bar. */
export type ChartPoint = number | null | { x: number | null; y: number | null } | [number, number];

/** The chart.js type each kind draws with. */
const CHART_JS_TYPES: Record<ChartSpec['type'], ChartJsType> = {
  line: 'line',
  area: 'line',
  slope: 'line',
  dot: 'line',
  scatter: 'scatter',
  bar: 'bar',
  hbar: 'bar',
  range: 'bar',
};

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
): ChartConfiguration<ChartJsType, ChartPoint[], ChartLabel> {
  const shares = spec.stack === 'percent' ? percentShares(spec) : undefined;
  const valueFormat = shares ? PERCENT_SHARE : spec.y.format;
  const format = (value: number | null, compact = false) => formatValue(value, spec.y.format, spec.locale, compact);
  const formatAxis = (value: number) => formatValue(value, valueFormat, spec.locale, true);
  const horizontal = isHorizontal(spec);
  const valueAxis = horizontal ? 'x' : 'y';
  const categoryAxis = horizontal ? 'y' : 'x';
  const xScale = spec.x.scale ?? 'category';
  const onTimeLine = xScale === 'time' && spec.type !== 'scatter';
  const dodge = dodgeOf(spec);
  // A line break in a label's cell stays a line break under the axis: chart.js draws an array as lines
  // (a canvas would draw "\n" as nothing). Labels are drawn without direction overrides: a U+202E in a
  // label would draw it reversed (the check warns about it).
  const labels = spec.x.labels.map((text) => drawnText(text));
  const single = spec.series.length === 1 && spec.series[0]!.key === '';
  const stacked = spec.stack !== undefined;
  const datasets = spec.series.map((series, index) => {
    const values = shares ? shares[index]! : series.values;
    const data: ChartPoint[] =
      spec.type === 'scatter'
        ? values.map((value, point) => ({ x: series.xs![point]!, y: value }))
        : spec.type === 'range'
          ? values.map((low, point) => {
              const high = series.highs?.[point] ?? null;
              return low === null || high === null ? null : [low, high];
            })
          : onTimeLine
            ? values.map((value, point) => ({ x: spec.x.positions![point]!, y: value }))
            : dodge
              ? values.map((value, point) =>
                  horizontal ? { x: value, y: point + dodge(index) } : { x: point + dodge(index), y: value },
                )
              : values;
    return CHART_JS_TYPES[spec.type] === 'bar'
      ? barDataset(series, data, theme)
      : pointDataset(spec, series, data, theme, index);
  });
  const ends = endLabels(spec, theme, compact);
  const legendItems = (chart: Chart) => legendLabels(spec, theme, chart, single || ends.fit(chart));
  return {
    type: CHART_JS_TYPES[spec.type],
    data: { labels: spec.type === 'scatter' || onTimeLine || dodge ? [] : labels, datasets },
    plugins: [
      fitAxisTitle(valueAxis),
      ...(spec.counts.midpoints > 0 ? [rangeWhiskers(spec, theme)] : []),
      ...((spec.annotations ?? []).length > 0 ? [drawAnnotations(spec, theme)] : []),
      ...(ends.plugin ? [ends.plugin] : []),
      ...(spec.panelTitle !== undefined ? [panelTitle(spec.panelTitle, theme)] : []),
    ],
    options: {
      responsive: true,
      maintainAspectRatio: false,
      animation: false,
      indexAxis: horizontal ? 'y' : 'x',
      interaction:
        spec.type === 'scatter'
          ? { mode: 'nearest', intersect: true }
          : { mode: 'index', intersect: false, axis: categoryAxis },
      // A tier with no value in a year leaves no empty slot: the bars of that year stay centred on it.
      skipNull: true,
      spanGaps: false,
      color: theme.text,
      layout: {
        padding: (context: { chart: Chart }) => ({
          // A panel of small multiples keeps a line above it for its title.
          top: spec.panelTitle !== undefined ? 24 : 4,
          right: 8 + ends.right(context.chart),
          left: ends.left(context.chart),
        }),
      },
      scales: {
        [categoryAxis]: categoryScale(spec, theme, compact, labels, stacked, ends.inset),
        [valueAxis]: valueScale(spec, theme, compact, formatAxis, stacked, shares !== undefined),
      },
      plugins: {
        legend: {
          display: (context: { chart: Chart }) => legendItems(context.chart).length > 0,
          position: 'top',
          align: 'start',
          // The key items (illustrative, midpoint) toggle nothing; a series item shows or hides its series.
          onClick: (_event: unknown, item: LegendItem, legend: { chart: Chart }) => {
            if (item.datasetIndex === undefined) return;
            const chart = legend.chart;
            chart.setDatasetVisibility(item.datasetIndex, !chart.isDatasetVisible(item.datasetIndex));
            chart.update();
          },
          labels: {
            color: theme.text,
            usePointStyle: true,
            boxWidth: compact ? 6 : 8,
            boxHeight: compact ? 6 : 8,
            padding: compact ? 6 : 14,
            ...(compact ? { font: { size: 11 } } : {}),
            generateLabels: (chart: Chart) => legendItems(chart),
          },
        },
        tooltip: {
          // Only the series with a value at that point: "no data" rows would cover the chart.
          filter: (item: TooltipItem<ChartJsType>) => pointValue(spec, item.datasetIndex, item.dataIndex) !== null,
          callbacks: {
            title: (items: TooltipItem<ChartJsType>[]) => {
              const item = items[0];
              if (!item) return '';
              if (spec.type === 'scatter')
                return drawnText(spec.series[item.datasetIndex]?.names?.[item.dataIndex] ?? '');
              return labels[item.dataIndex] ?? '';
            },
            label: (item: TooltipItem<ChartJsType>) => {
              const series = spec.series[item.datasetIndex]!;
              const index = item.dataIndex;
              const value = series.values[index] ?? null;
              const range = series.ranges[index];
              const notes = [
                range ? `midpoint of ${format(range[0])}–${format(range[1])}` : '',
                shares
                  ? `${formatValue(shares[item.datasetIndex]![index] ?? null, PERCENT_SHARE, spec.locale)} of the total`
                  : '',
                series.basis[index] === 'illustrative' ? 'illustrative' : '',
              ].filter(Boolean);
              const shown =
                spec.type === 'range'
                  ? `${format(value)}–${format(series.highs?.[index] ?? null)}`
                  : spec.type === 'scatter'
                    ? `${drawnText(spec.x.label)} ${formatValue(series.xs?.[index] ?? null, spec.x.format, spec.locale)}, ${drawnText(spec.y.label)} ${format(value)}`
                    : format(value);
              const name = single ? (spec.type === 'scatter' ? '' : spec.y.label) : series.label;
              return `${name ? `${drawnText(name)}: ` : ''}${shown}${notes.length ? ` (${notes.join(', ')})` : ''}`;
            },
          },
        },
      },
    },
  } as unknown as ChartConfiguration<ChartJsType, ChartPoint[], ChartLabel>;
}

/** A percent stack's axis: shares from 0 to 100%. */
const PERCENT_SHARE: ValueFormat = { type: 'percent', decimals: 1 };

/** The value drawn at a point, `null` for a gap. */
function pointValue(spec: ChartSpec, seriesIndex: number, index: number): number | null {
  return spec.series[seriesIndex]?.values[index] ?? null;
}

/** The axis of x values: categories (every one labelled), a time line, or a scatter's numbers. */
function categoryScale(
  spec: ChartSpec,
  theme: ChartTheme,
  compact: boolean,
  labels: string[],
  stacked: boolean,
  inset: (chart: Chart) => { left: number; right: number },
): Record<string, unknown> {
  const common = {
    grid: { display: spec.type !== 'bar' && spec.type !== 'hbar' && spec.type !== 'range', color: theme.grid },
    title: { display: !compact, text: drawnText(spec.x.label), color: theme.muted },
    border: { color: theme.grid },
  };
  const xScale = spec.x.scale ?? 'category';
  if (spec.type === 'scatter' && xScale !== 'time') {
    const xs = [...spec.series.flatMap((series) => series.xs ?? []), ...(spec.x.extent ?? [])];
    return {
      ...common,
      type: xScale,
      ...(xScale === 'logarithmic'
        ? { min: 10 ** Math.floor(Math.log10(minOf(xs) ?? 1)), max: roundLogCeil(maxOf(xs) ?? 10) }
        : spec.x.extent
          ? { suggestedMin: spec.x.extent[0], suggestedMax: spec.x.extent[1] }
          : {}),
      ticks: {
        color: theme.muted,
        maxRotation: 0,
        ...(xScale === 'logarithmic' ? { autoSkip: false } : {}),
        // On a log axis 1, 2 and 5 × 10ⁿ are labelled, and on a narrow chart only the powers of ten.
        callback(this: Scale, value: number | string) {
          const number = Number(value);
          if (xScale === 'logarithmic' && !isRoundLogTick(number)) return '';
          if (xScale === 'logarithmic' && this.chart.width < 600 && !isPowerOfTen(number)) return '';
          return formatValue(number, spec.x.format, spec.locale, true);
        },
      },
    };
  }
  if (xScale === 'time') {
    const positions = spec.type === 'scatter' ? spec.series.flatMap((series) => series.xs ?? []) : spec.x.positions!;
    let [min, max] = [minOf(positions) ?? 0, maxOf(positions) ?? 1];
    if (min === max) [min, max] = [min - 1, max + 1];
    const dated = spec.x.format.type === 'date';
    const quarterly = dated && spec.x.values.some((value) => /Q/.test(String(value)));
    let unit: TimeTicks['unit'] = 'year';
    return {
      ...common,
      type: 'linear',
      min,
      max,
      // A slope's end labels sit inside the plot: its axis reaches past the two years by the labels' room.
      afterDataLimits: (scale: Scale) => {
        const room = inset(scale.chart);
        if (room.left + room.right === 0) return;
        const plot = scale.chart.width - 60;
        const perYear = Math.max(1, plot - room.left - room.right) / (max - min);
        scale.min = min - room.left / perYear;
        scale.max = max + room.right / perYear;
      },
      afterBuildTicks: (scale: Scale) => {
        // A slope chart is labelled at its two x values; any other time line at calendar steps that fit.
        // The axis's own width once laid out (end labels and the value axis take the rest of the chart's).
        const width = scale.width > 0 ? scale.width : scale.chart.width - 60;
        const room = Math.floor(width / (dated ? 76 : 44));
        const ticks =
          spec.type === 'slope'
            ? { unit: 'year' as const, values: positions }
            : timeTicks(min, max, room, dated, quarterly);
        unit = ticks.unit;
        scale.ticks = ticks.values.map((value) => ({ value }));
      },
      ticks: {
        color: theme.muted,
        maxRotation: 0,
        autoSkip: false,
        callback: (value: number | string) =>
          spec.type === 'slope' && dated
            ? (labels[positions.indexOf(Number(value))] ?? '')
            : timeTickLabel(Number(value), unit, spec.locale),
      },
    };
  }
  const horizontal = isHorizontal(spec);
  // Every category is labelled: labels wrap to the room each has instead of being skipped.
  const wrapped = (scale: Scale, index: number) => {
    const chart = scale.chart;
    const room = horizontal
      ? chart.width * (compact ? 0.45 : 0.35)
      : Math.max(24, (chart.width - 70) / Math.max(1, labels.length) - 8);
    const context = chart.ctx;
    context.save();
    const font = (chart.options.font as FontSpec | undefined) ?? {};
    context.font = toFontString(compact ? { ...font, size: 11 } : font);
    const lines = wrapLabel(labels[index] ?? '', room, (text) => context.measureText(text).width);
    context.restore();
    return lines;
  };
  if (dodgeOf(spec)) {
    // Dots of several series side by side in each category's slot: a number axis with a tick per category.
    return {
      ...common,
      grid: { display: false },
      type: 'linear',
      min: -0.5,
      max: labels.length - 0.5,
      // Rows read from the top, as on a category axis.
      reverse: horizontal,
      afterBuildTicks: (scale: Scale) => {
        scale.ticks = labels.map((_, index) => ({ value: index }));
      },
      ticks: {
        color: theme.muted,
        maxRotation: 0,
        autoSkip: false,
        callback(this: Scale, value: number | string) {
          return wrapped(this, Number(value));
        },
      },
    };
  }
  return {
    ...common,
    type: 'category',
    // Every category has its own slot, so dots and bars at the ends stay clear of the axes.
    offset: true,
    stacked,
    ticks: {
      color: theme.muted,
      ...(compact ? { font: { size: 11 } } : {}),
      maxRotation: 0,
      // Years and dates as categories (bars over time) are in order: evenly skipped labels still read (2016, 2018 …).
      // Any other category is always labelled.
      autoSkip: spec.x.format.type === 'year' || spec.x.format.type === 'date',
      autoSkipPadding: 8,
      callback(this: Scale, _value: number | string, index: number) {
        return spec.x.format.type === 'year' || spec.x.format.type === 'date' ? labels[index] : wrapped(this, index);
      },
    },
  };
}

/**
 * A dot plot of several series over categories sets each series' dots a little apart in the category's slot, so
 * equal values do not hide each other: the offset of a series, in slots. `undefined` for any other chart.
 */
function dodgeOf(spec: ChartSpec): ((series: number) => number) | undefined {
  const count = spec.series.length;
  if (spec.type !== 'dot' || (spec.x.scale ?? 'category') !== 'category' || count < 2) return undefined;
  const width = Math.min(0.6, 0.16 * (count - 1));
  return (series) => -width / 2 + (series * width) / (count - 1);
}

/** The value axis: from zero on a linear axis, from the power of ten below the least value on a log axis. */
function valueScale(
  spec: ChartSpec,
  theme: ChartTheme,
  compact: boolean,
  formatAxis: (value: number) => string,
  stacked: boolean,
  percent: boolean,
): Record<string, unknown> {
  const log = spec.y.scale === 'logarithmic';
  const fromZero =
    !log && spec.type !== 'range' && spec.type !== 'scatter' && spec.type !== 'dot' && spec.type !== 'slope';
  return {
    type: spec.y.scale,
    stacked,
    beginAtZero: fromZero || (!log && spec.type !== 'scatter'),
    // A log axis starts at the power of ten below the smallest value, so its lowest point stays visible.
    // The axis reaches the top of every published range, so no whisker is cut short; a log axis ends on a labelled value.
    ...(log
      ? { min: logFloor(spec), max: logCeil(spec) }
      : percent
        ? { min: 0, max: 100 }
        : stacked
          ? { suggestedMax: spec.y.extent?.[1] }
          : { suggestedMax: highest(spec) }),
    // On a log axis only the labelled ticks get a grid line.
    grid: log
      ? {
          color: (context: { tick?: { value: number } }) =>
            isRoundLogTick(context.tick?.value ?? 0) ? theme.grid : 'transparent',
        }
      : { color: theme.grid },
    border: { display: false },
    ticks: log
      ? // chart.js puts a tick at every 1–9 × 10ⁿ, and its labels crowd together: label 1, 2 and 5 × 10ⁿ only.
        {
          color: theme.muted,
          autoSkip: false,
          maxRotation: 0,
          // On a short or narrow axis (a phone) only the powers of ten.
          callback(this: Scale, value: number | string) {
            const number = Number(value);
            const short = this.isHorizontal() ? this.chart.width < 600 : this.chart.height < 260;
            return isRoundLogTick(number) && (!short || isPowerOfTen(number)) ? formatAxis(number) : '';
          },
        }
      : { color: theme.muted, callback: (value: number | string) => formatAxis(Number(value)) },
    title: {
      display: !compact,
      text: `${percent ? `Share of the total ${drawnText(spec.y.label).toLowerCase()} (%)` : axisTitle(drawnText(spec.y.label), spec.y.format)}${log ? ', log scale' : ''}`,
      color: theme.muted,
    },
  };
}

/**
 * The legend: one item per series (unless the series are labelled at their ends, or there is one), then
 * the key to the marks that are not plain data: illustrative placeholders and midpoints of published ranges.
 * It travels with every image of the chart, so a card or a download explains itself.
 */
function legendLabels(spec: ChartSpec, theme: ChartTheme, chart: Chart, withoutSeries: boolean): LegendItem[] {
  const barLike = CHART_JS_TYPES[spec.type] === 'bar';
  const items: LegendItem[] = withoutSeries
    ? []
    : spec.series.map((series, index) => ({
        text: drawnText(series.label),
        fillStyle: colorOf(series, theme),
        strokeStyle: colorOf(series, theme),
        lineWidth: 0,
        pointStyle: barLike ? 'rect' : 'circle',
        fontColor: theme.text,
        hidden: !chart.isDatasetVisible(index),
        datasetIndex: index,
      }));
  if (spec.legendKeys?.illustrative ?? spec.counts.illustrative > 0) {
    items.push({
      text: barLike ? 'Illustrative (pale)' : 'Illustrative (hollow, dashed)',
      fillStyle: barLike ? `${theme.muted}40` : theme.background,
      strokeStyle: theme.muted,
      lineWidth: 1.5,
      pointStyle: barLike ? 'rect' : 'circle',
      fontColor: theme.text,
      hidden: false,
    });
  }
  if (spec.legendKeys?.midpoints ?? spec.counts.midpoints > 0) {
    items.push({
      text: 'Midpoint of a range (whisker: the range)',
      fillStyle: theme.muted,
      strokeStyle: theme.muted,
      lineWidth: 0,
      pointStyle: barLike ? 'rect' : 'rectRot',
      fontColor: theme.text,
      hidden: false,
    });
  }
  return items;
}

/** A panel's title (its facet value), above its legend and plot, in the chart's own text. */
function panelTitle(text: string, theme: ChartTheme): Plugin<ChartJsType> {
  return {
    id: 'trendbookPanelTitle',
    afterDraw(chart) {
      const { ctx } = chart;
      const font = chart.options.font as FontSpec;
      ctx.save();
      ctx.font = toFontString({ ...font, weight: 700 });
      ctx.fillStyle = theme.text;
      ctx.textAlign = 'left';
      ctx.textBaseline = 'top';
      ctx.fillText(drawnText(text), 2, 3);
      ctx.restore();
    },
  };
}

/**
 * A y-axis title longer than the axis would run into the legend (a phone, a
 * short frame): it is shortened with "…" to the axis's height, keeping its unit
 * in brackets. The table caption and the alt text keep the whole title.
 */
function fitAxisTitle(axis: 'x' | 'y'): Plugin<ChartJsType> {
  return {
    id: 'trendbookAxisTitle',
    beforeDraw(chart) {
      const scale = chart.scales[axis];
      const title = (
        scale?.options as
          | { title?: { display: boolean; text: unknown; font?: FontSpec; fullText?: string } }
          | undefined
      )?.title;
      if (!scale || !title?.display || typeof title.text !== 'string') return;
      const full = (title.fullText ??= title.text);
      const { ctx } = chart;
      ctx.save();
      ctx.font = toFontString(title.font ?? (chart.options.font as FontSpec | undefined) ?? {});
      const fits = (text: string) => ctx.measureText(text).width <= (axis === 'y' ? scale.height : scale.width);
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
}

export type FontSpec = { style?: string; weight?: string | number | null; size?: number; family?: string };

export function toFontString(font: FontSpec): string {
  return [font.style ?? 'normal', font.weight ?? 'normal', `${font.size ?? 12}px`, font.family ?? 'sans-serif'].join(
    ' ',
  );
}

/**
 * A value drawn at the midpoint of a published range gets a whisker from the
 * range's low to its high end, on the bar or point itself, so the mark is on
 * the chart and not only in the table and tooltip.
 */
function rangeWhiskers(spec: ChartSpec, theme: ChartTheme): Plugin<ChartJsType> {
  const horizontal = isHorizontal(spec);
  return {
    id: 'trendbookRanges',
    // Over bars (a bar would hide it); under dots and diamonds, which sit on it.
    [CHART_JS_TYPES[spec.type] === 'bar' ? 'afterDatasetsDraw' : 'beforeDatasetsDraw'](chart: Chart<ChartJsType>) {
      const { ctx, chartArea } = chart;
      const scale = chart.scales[horizontal ? 'x' : 'y']!;
      const [least, most] = horizontal ? [chartArea.left, chartArea.right] : [chartArea.top, chartArea.bottom];
      const pixel = (value: number) => {
        const at = scale.getPixelForValue(value);
        return Number.isFinite(at) ? Math.min(Math.max(at, least), most) : horizontal ? least : most;
      };
      ctx.save();
      spec.series.forEach((series, index) => {
        if (!chart.isDatasetVisible(index)) return;
        const elements = chart.getDatasetMeta(index).data;
        series.ranges.forEach((range, point) => {
          const element = elements[point];
          if (!range || !element) return;
          const [from, to] = [pixel(range[0]), pixel(range[1])];
          const cap = 4;
          // A segment across the value axis at `at`, from `a` to `b` along it.
          const along = (at: number, a: number, b: number) => {
            if (horizontal) {
              ctx.moveTo(a, at);
              ctx.lineTo(b, at);
            } else {
              ctx.moveTo(at, a);
              ctx.lineTo(at, b);
            }
          };
          const across = (at: number) => {
            if (horizontal) {
              ctx.moveTo(at, element.y - cap);
              ctx.lineTo(at, element.y + cap);
            } else {
              ctx.moveTo(element.x - cap, at);
              ctx.lineTo(element.x + cap, at);
            }
          };
          // Drawn twice, wide in the background colour and then thin in the text colour, so it shows on any bar.
          for (const [color, width] of [
            [theme.background, 4],
            [theme.text, 1.5],
          ] as const) {
            ctx.strokeStyle = color;
            ctx.lineWidth = width;
            ctx.beginPath();
            along(horizontal ? element.y : element.x, from, to);
            across(from);
            across(to);
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

/** Is this 10ⁿ? */
function isPowerOfTen(value: number): boolean {
  return value > 0 && Math.abs(Math.log10(value) - Math.round(Math.log10(value))) < 1e-9;
}

/** The largest value or range high of any series. */
function highest(spec: ChartSpec): number {
  const values = [
    ...spec.series.flatMap((series) => [
      ...series.values,
      ...(series.highs ?? []),
      ...series.ranges.map((range) => range?.[1] ?? null),
    ]),
    ...refValues(spec),
    ...(spec.y.extent ?? []),
  ];
  return maxOf(values.filter((value): value is number => value !== null)) ?? -Infinity;
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above every value and range high. */
function logCeil(spec: ChartSpec): number {
  const top = highest(spec);
  const power = 10 ** Math.floor(Math.log10(top));
  return [1, 2, 5, 10].map((step) => step * power).find((value) => value >= top * (1 - 1e-9))!;
}

/** The values of reference lines, which the value axis reaches too. */
function refValues(spec: ChartSpec): number[] {
  return (spec.annotations ?? []).flatMap((note) => (note.kind === 'ref' ? [note.value] : []));
}

/** The smallest 1, 2 or 5 × 10ⁿ at or above a value. */
function roundLogCeil(value: number): number {
  const power = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= value * (1 - 1e-9))!;
}

/** The power of ten at or below every positive value and range low. */
function logFloor(spec: ChartSpec): number {
  const values = spec.series
    .flatMap((series) => [...series.values, ...series.ranges.map((range) => range?.[0] ?? null)])
    .concat(refValues(spec), spec.y.extent ?? [])
    .filter((value): value is number => value !== null && value > 0);
  return 10 ** Math.floor(Math.log10(minOf(values) ?? Infinity));
}

export function colorOf(series: SeriesSpec, theme: ChartTheme): string {
  return theme.dark ? series.darkColor : series.color;
}

/**
 * Lines, areas, slopes, dots and scatter points: reported points filled, illustrative points hollow (on dashed
 * segments), midpoints as diamonds. An isolated point (no neighbour to join) is always drawn.
 */
function pointDataset(
  spec: ChartSpec,
  series: SeriesSpec,
  data: ChartPoint[],
  theme: ChartTheme,
  index: number,
): ChartDataset<'line' | 'scatter', ChartPoint[]> {
  const color = colorOf(series, theme);
  const illustrative = (point: number) => series.basis[point] === 'illustrative';
  const joined = spec.type === 'line' || spec.type === 'area' || spec.type === 'slope';
  const radius = spec.type === 'dot' ? 5.5 : spec.type === 'scatter' ? 4.5 : 3.5;
  const area = spec.type === 'area';
  return {
    label: drawnText(series.label),
    data,
    borderColor: color,
    backgroundColor: area ? `${color}33` : color,
    borderWidth: joined ? 2.5 : 0,
    showLine: joined,
    tension: 0,
    // Points at the edges of a time line are drawn whole, not cut by the plot area.
    clip: 8,
    ...(area ? { fill: spec.stack && index > 0 ? '-1' : 'origin' } : {}),
    pointStyle: series.ranges.map((range) => (range ? 'rectRot' : 'circle')),
    pointRadius: series.values.map((value, point) =>
      value === null ? 0 : series.ranges[point] ? radius + 1.5 : radius,
    ),
    pointHoverRadius: radius + 2.5,
    pointBackgroundColor: series.values.map((_, point) => (illustrative(point) ? theme.background : color)),
    pointBorderColor: color,
    pointBorderWidth: 2,
    segment: {
      borderDash: (context: ScriptableLineSegmentContext) =>
        illustrative(context.p0DataIndex) || illustrative(context.p1DataIndex) ? [5, 4] : undefined,
    },
  } as ChartDataset<'line' | 'scatter', ChartPoint[]>;
}

/** Bars (vertical, horizontal, or from low to high): reported bars solid, illustrative bars pale with a solid outline. */
function barDataset(series: SeriesSpec, data: ChartPoint[], theme: ChartTheme): ChartDataset<'bar', ChartPoint[]> {
  const color = colorOf(series, theme);
  return {
    label: drawnText(series.label),
    data,
    backgroundColor: series.basis.map((basis) => (basis === 'illustrative' ? `${color}40` : color)),
    borderColor: color,
    borderWidth: series.basis.map((basis) => (basis === 'illustrative' ? 1.5 : 0)),
    borderRadius: 2,
    maxBarThickness: 28,
    pointStyle: 'rect',
  } as ChartDataset<'bar', ChartPoint[]>;
}
