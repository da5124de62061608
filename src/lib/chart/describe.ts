/**
 * Alt text computed from a chart's data: what is compared, the range, the
 * highest and lowest, the trend. Never a generic "Chart".
 */
import { formatValue } from '../format.ts';
import type { ChartSpec, SeriesSpec } from './chart-spec.ts';

/**
 * Describes a chart in two to four sentences for screen readers and image alt text.
 * @param spec The chart.
 */
export function describeChart(spec: ChartSpec): string {
  const format = (value: number) => formatValue(value, spec.y.format, spec.locale);
  // Inside a sentence, a line break in a label's cell reads as a space.
  const labels = spec.x.labels.map(oneLine);
  const xText = (index: number) => labels[index] ?? String(spec.x.values[index]);
  const kind = spec.type === 'line' ? 'Line chart' : 'Bar chart';
  const first = labels[0];
  const last = labels.at(-1);
  const span = first === undefined ? '' : first === last ? ` for ${first}` : ` from ${first} to ${last}`;
  const sentences = [
    `${kind} of ${spec.y.label.toLowerCase()}${spec.series.length > 1 ? ` for ${joinList(spec.series.map((series) => series.label))}` : ''}${span}.`,
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
    } else if (spec.x.format.type === 'year') {
      if (end.value === start.value) {
        sentences.push(
          `${series.label} was ${format(start.value)} in both ${xText(start.index)} and ${xText(end.index)}.`,
        );
      } else {
        const verb = end.value > start.value ? 'rose' : 'fell';
        sentences.push(
          `${series.label} ${verb} from ${format(start.value)} in ${xText(start.index)} to ${format(end.value)} in ${xText(end.index)}.`,
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
  if (spec.counts.illustrative > 0) {
    sentences.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative, not reported by a source.`,
    );
  }
  return sentences.join(' ');
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
