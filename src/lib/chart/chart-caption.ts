/**
 * The caption under a chart, as plain parts: the one model the figure (hast, at
 * build time) and the explorer (DOM, in the browser) both render. No Node
 * imports: this ships to the browser.
 */
import type { ChartSpec } from './chart-spec.ts';
import { BAR_KINDS, illustrativeKey, sourceLabel } from './source-line.ts';

/** A piece of a caption: text, a link to a source, or a highlighted warning. */
export type CaptionPart =
  | { kind: 'text'; text: string }
  | { kind: 'link'; text: string; href: string }
  | { kind: 'strong'; text: string };

/**
 * "Sources: Marketing Dive, 2016; Klear, 2019. 12 of 40 values are illustrative
 * (…): no source gives them. 2 values are midpoints of published ranges (…). Dataset: …."
 * @param spec The chart.
 * @param options `brief`: for an embed, where the chart needs the room: the first source and how many more
 *   ("Sources: Marketing Dive, 2016, and 7 more."), every word about illustrative values and midpoints, no dataset.
 */
export function chartCaption(spec: ChartSpec, options: { brief?: boolean } = {}): CaptionPart[] {
  const parts: CaptionPart[] = [];
  const text = (value: string) => parts.push({ kind: 'text', text: value });
  if (spec.sources.length > 0) {
    // Whole names only: a source is listed or counted, never cut.
    const listed = options.brief && spec.sources.length > 2 ? spec.sources.slice(0, 1) : spec.sources;
    text(spec.sources.length === 1 ? 'Source: ' : 'Sources: ');
    listed.forEach((source, index) => {
      if (index > 0) text('; ');
      const label = sourceLabel(source);
      parts.push(source.url ? { kind: 'link', text: label, href: source.url } : { kind: 'text', text: label });
    });
    if (listed.length < spec.sources.length) text(`, and ${spec.sources.length - listed.length} more`);
    text('. ');
  }
  if (spec.counts.illustrative > 0) {
    parts.push({
      kind: 'strong',
      text: `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative`,
    });
    text(` (${illustrativeKey(spec)}): no source gives them. `);
  }
  if (spec.counts.midpoints > 0) {
    const mark = BAR_KINDS.includes(spec.type)
      ? 'with whiskers over the ranges'
      : 'drawn as diamonds, with whiskers over the ranges';
    text(
      `${spec.counts.midpoints} ${spec.counts.midpoints === 1 ? 'value is the midpoint' : 'values are midpoints'} of published ranges (${mark}). `,
    );
  }
  if (!options.brief) text(`Dataset: ${spec.dataset.title}.`);
  // Neighbouring text parts read as one.
  const merged = parts.reduce<CaptionPart[]>((list, part) => {
    const last = list.at(-1);
    if (last?.kind === 'text' && part.kind === 'text') last.text += part.text;
    else list.push({ ...part });
    return list;
  }, []);
  // A brief caption ends at its last sentence, with no space after it.
  const end = merged.at(-1);
  if (end?.kind === 'text') end.text = end.text.trimEnd();
  return merged;
}
