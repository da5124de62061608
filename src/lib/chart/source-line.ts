/**
 * One line crediting a chart's sources, for images that travel without the
 * page (downloads, social cards).
 */
import { sourceName } from '../data/reader-words.ts';
import type { ChartSpec } from './chart-spec.ts';

/** Kinds drawn as bars, whose illustrative values are pale. */
export const BAR_KINDS: readonly ChartSpec['type'][] = ['bar', 'hbar', 'range'];

/**
 * How captions and credits name a source: "Marketing Dive, 2016".
 * @param source One of a chart's sources.
 */
export function sourceLabel(source: ChartSpec['sources'][number]): string {
  return sourceName(source);
}

/**
 * How a chart marks its illustrative values, in the words of its legend: "pale bars", "hollow points, dashed where joined".
 * @param spec The chart.
 */
export function illustrativeKey(spec: ChartSpec): string {
  return BAR_KINDS.includes(spec.type) ? 'pale bars' : 'hollow points, dashed where joined';
}

/**
 * "Sources: Marketing Dive, 2016; Klear, 2019. 12 of 40 values are illustrative (…)." When the room is short, the
 * first `named` sources and how many more there are ("and 5 more"): the sentence stays whole, and so does the
 * illustrative note, which a drawing that travels alone must never lose.
 * @param spec The chart.
 * @param named How many sources to name (default: all).
 */
export function sourceLine(spec: ChartSpec, named = spec.sources.length): string {
  const names = spec.sources.slice(0, Math.max(1, named)).map(sourceLabel);
  const more = spec.sources.length - names.length;
  const parts = [
    names.length > 0
      ? `${spec.sources.length === 1 ? 'Source' : 'Sources'}: ${names.join('; ')}${more > 0 ? `; and ${more} more` : ''}.`
      : `Data: ${spec.dataset.title}.`,
  ];
  if (spec.counts.illustrative > 0)
    parts.push(
      `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative (${illustrativeKey(spec)}).`,
    );
  return parts.join(' ');
}
