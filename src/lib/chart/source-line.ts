/**
 * One line crediting a chart's sources, for images that travel without the
 * page (downloads, social cards).
 */
import type { ChartSpec } from './chart-spec.ts';

/**
 * How captions and credits name a source: "Marketing Dive, 2016".
 * @param source One of a chart's sources.
 */
export function sourceLabel(source: ChartSpec['sources'][number]): string {
  return [source.publisher ?? source.title, source.year].filter(Boolean).join(', ');
}

/**
 * "Sources: Marketing Dive, 2016; Klear, 2019. 12 of 40 values are illustrative."
 * @param spec The chart.
 */
export function sourceLine(spec: ChartSpec): string {
  const names = spec.sources.map(sourceLabel);
  const parts = [
    names.length > 0
      ? `${names.length === 1 ? 'Source' : 'Sources'}: ${names.join('; ')}.`
      : `Data: ${spec.dataset.title}.`,
  ];
  if (spec.counts.illustrative > 0)
    parts.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative (${spec.type === 'line' ? 'hollow points, dashed lines' : 'pale bars'}).`,
    );
  return parts.join(' ');
}
