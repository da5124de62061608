/**
 * Alt text computed from a chart's data: what is compared, the range, the
 * highest and lowest, the trend. Never a generic "Chart".
 */
import { scaleName, unitScale } from '../data/scale.ts';
import { formatValue } from '../format.ts';
import type { Annotation, ChartSpec, SeriesSpec } from './chart-spec.ts';

/**
 * Describes a chart in two to four sentences for screen readers and image alt text.
 * @param spec The chart.
 */
export function describeChart(spec: ChartSpec): string {
  const format = valueText(spec);
  // Inside a sentence, a line break in a label's cell reads as a space.
  const labels = spec.x.labels.map(oneLine);
  const xText = (index: number) => labels[index] ?? String(spec.x.values[index]);
  const kind = `${KIND_NAMES[spec.type]}${spec.stack === 'percent' ? ' (shares of each total)' : spec.stack ? ' (stacked)' : ''}`;
  const first = labels[0];
  const last = labels.at(-1);
  const span = first === undefined ? '' : first === last ? ` for ${first}` : ` from ${first} to ${last}`;
  if (spec.panels && spec.facet) return describePanels(spec, spec.panels, spec.facet.label);
  if (spec.type === 'scatter') return describeScatter(spec, kind, format);
  const sentences = [
    `${kind} of ${spec.y.label.toLowerCase()}${spec.y.scale === 'logarithmic' ? ' on a log scale' : ''}${spec.series.length > 1 ? ` for ${joinList(spec.series.map((series) => series.label))}` : ''}${span}.`,
  ];

  // One sentence per series (at most five), each with its change over the span.
  for (const series of spec.series.slice(0, 5)) {
    const known = knownPoints(series);
    if (known.length === 0) {
      sentences.push(`${series.label}: no data.`);
      continue;
    }
    const start = known[0]!;
    const end = known.at(-1)!;
    if (known.length === 1) {
      sentences.push(`${series.label}: ${format(start.value)} in ${xText(start.index)}.`);
    } else if (spec.type === 'range') {
      const widest = known.reduce((best, point) =>
        (series.highs?.[point.index] ?? point.value) - point.value >
        (series.highs?.[best.index] ?? best.value) - best.value
          ? point
          : best,
      );
      sentences.push(
        `${series.label} spans ${known.length === 1 ? '' : 'up to '}${format(widest.value)}–${format(series.highs?.[widest.index] ?? widest.value)}${known.length === 1 ? '' : ` (${xText(widest.index)})`}.`,
      );
    } else if (spec.x.format.type === 'year' || spec.x.scale === 'time') {
      if (end.value === start.value) {
        sentences.push(
          `${series.label} was ${format(start.value)} in both ${xText(start.index)} and ${xText(end.index)}.`,
        );
      } else {
        const verb = end.value > start.value ? 'rose' : 'fell';
        // A peak or a trough between the ends is part of the story ("peaking at 8.8% in 2019").
        const high = known.reduce((best, point) => (point.value > best.value ? point : best));
        const low = known.reduce((best, point) => (point.value < best.value ? point : best));
        const turn =
          high.value > Math.max(start.value, end.value)
            ? `, peaking at ${format(high.value)} in ${xText(high.index)}`
            : low.value < Math.min(start.value, end.value)
              ? `, with a low of ${format(low.value)} in ${xText(low.index)}`
              : '';
        sentences.push(
          `${series.label} ${verb} from ${format(start.value)} in ${xText(start.index)} to ${format(end.value)} in ${xText(end.index)}${turn}.`,
        );
      }
    } else {
      const high = known.reduce((best, point) => (point.value > best.value ? point : best));
      sentences.push(`${series.label} is highest for ${xText(high.index)} at ${format(high.value)}.`);
    }
  }
  if (spec.series.length > 5) sentences.push(`And ${spec.series.length - 5} more series.`);

  // Highest and lowest across the chart.
  const all = spec.series.flatMap((series) => knownPoints(series).map((point) => ({ ...point, series })));
  if (all.length > 1 && spec.series.length > 1) {
    const high = all.reduce((best, point) => (point.value > best.value ? point : best));
    const low = all.reduce((best, point) => (point.value < best.value ? point : best));
    sentences.push(
      `Highest: ${high.series.label} in ${xText(high.index)} (${format(high.value)}); lowest: ${low.series.label} in ${xText(low.index)} (${format(low.value)}).`,
    );
  }
  sentences.push(...describeAnnotations(spec));
  if (spec.counts.illustrative > 0) {
    sentences.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative, not reported by a source.`,
    );
  }
  return sentences.join(' ');
}

/** Small multiples: what each panel shows, panel by panel (its own description without its first sentence). */
function describePanels(spec: ChartSpec, panels: ChartSpec[], facet: string): string {
  const titles = panels.map((panel) => panel.panelTitle ?? '');
  const first = describeChart(panels[0]!)
    .split('. ')[0]!
    .replace(/ for .*$/, '')
    .replace(/ from .*$/, '');
  const sentences = [
    `${first}, in ${panels.length} panels by ${facet.toLowerCase()} on the same axes: ${joinList(titles)}.`,
  ];
  for (const panel of panels.slice(0, 6)) {
    const rest = describeChart({ ...panel, counts: { ...panel.counts, illustrative: 0 } })
      .split(/(?<=\.) /)
      .slice(1)
      .join(' ');
    sentences.push(`${panel.panelTitle}: ${rest || 'no data.'}`);
  }
  if (panels.length > 6) sentences.push(`And ${panels.length - 6} more panels.`);
  if (spec.counts.illustrative > 0) {
    sentences.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative, not reported by a source.`,
    );
  }
  return sentences.join(' ');
}

/** What a reader hears first: the kind of chart. */
const KIND_NAMES: Record<ChartSpec['type'], string> = {
  line: 'Line chart',
  area: 'Area chart',
  bar: 'Bar chart',
  hbar: 'Horizontal bar chart',
  dot: 'Dot plot',
  range: 'Range chart',
  slope: 'Slope chart',
  scatter: 'Scatter plot',
};

const ANNOTATION_WORDS = { mark: 'Marked at', band: 'Shaded', ref: 'Reference line at', label: 'Note on' } as const;

/**
 * One annotation in words, as the alt text and the list under the data table say it: "Marked at 2018: …".
 * @param note The annotation.
 */
export function describeAnnotation(note: Annotation): string {
  return `${ANNOTATION_WORDS[note.kind]} ${note.where}: ${note.text}`;
}

/** The chart's annotations as sentences: every note drawn on it is also said. */
function describeAnnotations(spec: ChartSpec): string[] {
  return (spec.annotations ?? []).map((note) => `${describeAnnotation(note)}.`);
}

/** A scatter: how many points, the spans of both axes, and the points at the extremes. */
function describeScatter(spec: ChartSpec, kind: string, format: (value: number) => string): string {
  const xFormat = (value: number) => formatValue(value, spec.x.format, spec.locale);
  const points = spec.series.flatMap((series) =>
    series.values.flatMap((value, index) =>
      value === null ? [] : [{ value, x: series.xs?.[index] ?? 0, name: series.names?.[index] ?? '' }],
    ),
  );
  const sentences = [
    `${kind} of ${spec.y.label.toLowerCase()} against ${spec.x.label.toLowerCase()}${spec.series.length > 1 ? ` for ${joinList(spec.series.map((series) => series.label))}` : ''}, ${points.length} ${points.length === 1 ? 'point' : 'points'}.`,
  ];
  if (points.length > 1) {
    const high = points.reduce((best, point) => (point.value > best.value ? point : best));
    const low = points.reduce((best, point) => (point.value < best.value ? point : best));
    const named = (point: (typeof points)[number]) =>
      `${point.name ? `${oneLine(point.name)} ` : ''}(${format(point.value)} at ${xFormat(point.x)})`;
    sentences.push(`Highest: ${named(high)}; lowest: ${named(low)}.`);
  }
  sentences.push(...describeAnnotations(spec));
  if (spec.counts.illustrative > 0) {
    sentences.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative, not reported by a source.`,
    );
  }
  return sentences.join(' ');
}

/**
 * How the description prints a value of the measure: in its format, with the scale its unit declares
 * ("9.8 million" for a column in millions, never a bare 9.8).
 */
function valueText(spec: ChartSpec): (value: number) => string {
  const scale = scaleName(unitScale(spec.y.format.unit));
  return (value) => `${formatValue(value, spec.y.format, spec.locale)}${scale ? ` ${scale}` : ''}`;
}

function oneLine(text: string): string {
  return text.replace(/[^\S\n]*\n\s*/g, ' ');
}

function knownPoints(series: SeriesSpec): { value: number; index: number }[] {
  return series.values.flatMap((value, index) => (value === null ? [] : [{ value, index }]));
}

function joinList(items: string[]): string {
  if (items.length <= 2) return items.join(' and ');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/**
 * The chart in one sentence, for the reader who opened its page from a shared link: over time, which series
 * changed the most (and the highest value when it lies between the ends of a line); over categories, the highest
 * and lowest. A value no source reports is said to be illustrative. The full description stays in the alt text.
 * @param spec The chart.
 */
export function summarizeChart(spec: ChartSpec): string {
  const charts = spec.panels ?? [spec];
  const format = valueText(spec);
  const points = charts.flatMap((chart) =>
    chart.series.flatMap((series) =>
      knownPoints(series).map((point) => ({
        ...point,
        series,
        chart,
        x: oneLine(chart.x.labels[point.index] ?? String(chart.x.values[point.index])),
      })),
    ),
  );
  if (points.length === 0) return `${spec.title}: no data.`;
  type Point = (typeof points)[number];
  const said = (point: Point) =>
    `${format(point.value)}${
      point.series.basis[point.index] === 'illustrative'
        ? ' (illustrative)'
        : point.series.ranges[point.index]
          ? ' (the midpoint of a published range)'
          : ''
    }`;
  // Whose a point is: its panel when there are several, its series when its chart has several.
  const owner = (point: Point) => [
    ...(charts.length > 1 && point.chart.panelTitle ? [point.chart.panelTitle] : []),
    ...(point.chart.series.length > 1 ? [point.series.label] : []),
  ];
  const high = points.reduce((best, point) => (point.value > best.value ? point : best));
  const low = points.reduce((best, point) => (point.value < best.value ? point : best));

  const overTime = spec.type === 'slope' || spec.x.scale === 'time' || spec.x.format.type === 'year';
  if (overTime && spec.type !== 'scatter' && spec.type !== 'range') {
    const lines = charts.flatMap((chart) =>
      chart.series.flatMap((series) => {
        const own = points.filter((point) => point.series === series);
        return own.length < 2 ? [] : [{ start: own[0]!, end: own.at(-1)! }];
      }),
    );
    if (lines.length > 0) {
      const most = lines.reduce((best, line) =>
        Math.abs(line.end.value - line.start.value) > Math.abs(best.end.value - best.start.value) ? line : best,
      );
      const who = owner(most.start).join(', ') || most.start.series.label;
      const delta = most.end.value - most.start.value;
      const change =
        delta === 0
          ? `${who} stayed at ${said(most.start)} from ${most.start.x} to ${most.end.x}`
          : `${who} ${delta > 0 ? 'rose' : 'fell'}${lines.length > 1 ? ' the most' : ''}, from ${said(most.start)} in ${most.start.x} to ${said(most.end)} in ${most.end.x}`;
      // A peak between the ends of its line is part of the story.
      const between = lines.every((line) => line.start !== high && line.end !== high);
      const whose = owner(high);
      const peak = between
        ? `; the highest value was ${said(high)}, ${whose.length > 0 ? `for ${whose.join(', ')} ` : ''}in ${high.x}`
        : '';
      return `${change}${peak}.`;
    }
  }
  if (spec.type === 'scatter') {
    const name = (point: Point) => oneLine(point.series.names?.[point.index] || point.series.label);
    return `Highest: ${name(high)} at ${said(high)}; lowest: ${name(low)} at ${said(low)}.`;
  }
  const where = (point: Point) =>
    [
      ...(charts.length > 1 && point.chart.panelTitle ? [point.chart.panelTitle] : []),
      point.x,
      ...(point.chart.series.length > 1 ? [point.series.label] : []),
    ].join(', ');
  if (high === low) return `${where(high)}: ${said(high)}.`;
  return `Highest: ${where(high)} at ${said(high)}; lowest: ${where(low)} at ${said(low)}.`;
}
