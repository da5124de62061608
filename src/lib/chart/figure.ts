/**
 * The markup of a chart figure, as a hast tree: title and permalink, the canvas
 * the chart runtime draws on, the data as a real table, and a caption with
 * source and notes. The remark plugin and the pages emit this same tree.
 */
import { h } from 'hastscript';
import type { Element, ElementContent } from 'hast';
import { chartTable } from './chart-table.ts';
import { safeJson } from '../safe-json.ts';
import type { ChartSpec } from './chart-spec.ts';
import { chartImagePath, chartPagePath, chartPermalink, downloadName, downloadPath, explorerPath } from './chart-paths.ts';
import { describeChart } from './describe.ts';
import { IMAGE_SIZES, NARROW_MEDIA } from './render-image-sizes.ts';

/**
 * Serialises a spec for `<script type="application/json">` (see `safeJson`).
 * @param spec The chart.
 */
export function serialiseSpec(spec: ChartSpec): string {
  return safeJson(spec);
}

/**
 * Builds the figure for a chart: the static image (shown until the canvas is
 * drawn, and always without JavaScript), the canvas, the data table, a caption
 * and links.
 * @param spec The chart.
 * @param slug The report's slug, for image and download paths.
 */
export function chartFigure(spec: ChartSpec, slug: string): Element {
  const titleId = `${spec.id}-title`;
  const description = describeChart(spec);
  const image = (size: 'wide' | 'narrow', theme: 'light' | 'dark') => `${chartImagePath(slug, spec.id, size, theme)} 2x`;
  return h('figure', { className: ['chart'], id: spec.id, dataChart: '', ariaLabelledby: titleId }, [
    h('div', { className: ['chart__head'] }, [
      h('p', { className: ['chart__title'], id: titleId }, spec.title),
      h('a', { className: ['chart__permalink'], href: `#${spec.id}`, ariaLabel: `Link to the chart “${spec.title}”` }, '#'),
    ]),
    h('div', { className: ['chart__frame', `chart__frame--${spec.type}`] }, [
      h('picture', { className: ['chart__image'] }, [
        h('source', { media: `${NARROW_MEDIA} and (prefers-color-scheme: dark)`, srcSet: image('narrow', 'dark'), width: IMAGE_SIZES.narrow.width, height: IMAGE_SIZES.narrow.height }),
        h('source', { media: NARROW_MEDIA, srcSet: image('narrow', 'light'), width: IMAGE_SIZES.narrow.width, height: IMAGE_SIZES.narrow.height }),
        h('source', { media: '(prefers-color-scheme: dark)', srcSet: image('wide', 'dark') }),
        h('img', { src: chartImagePath(slug, spec.id, 'wide', 'light'), alt: description, width: IMAGE_SIZES.wide.width, height: IMAGE_SIZES.wide.height, decoding: 'async' }),
      ]),
      h('canvas', { ariaHidden: 'true' }),
      h('script', { type: 'application/json', className: ['chart__spec'] }, serialiseSpec(spec)),
    ]),
    dataTable(spec),
    // Link labels and table cells would crowd search excerpts (Pagefind skips what is marked).
    h('p', { className: ['chart__links'], dataPagefindIgnore: '' }, [
      h('a', { href: chartPermalink(slug, spec.id) }, 'Permalink'),
      h('a', { href: chartPagePath(slug, spec.id) }, 'Share or embed'),
      h('a', { href: downloadPath(slug, spec.id, 'csv'), download: downloadName(slug, spec.id, 'csv') }, 'Data (CSV)'),
      h('a', { href: downloadPath(slug, spec.id, 'png'), download: downloadName(slug, spec.id, 'png') }, 'Image (PNG)'),
      h('a', { href: explorerPath(spec) }, 'Open in explorer'),
    ]),
    // A figcaption must be the figure's first or last child.
    h('figcaption', { className: ['chart__caption'] }, caption(spec)),
  ]);
}

function dataTable(spec: ChartSpec): Element {
  const table = chartTable(spec);
  const marks = spec.counts.illustrative > 0 || spec.counts.midpoints > 0;
  return h('details', { className: ['chart__data'], dataPagefindIgnore: '' }, [
    h('summary', 'Show data'),
    h('div', { className: ['table-scroll'] }, [
      h('table', [
        h('caption', table.caption),
        h('thead', [h('tr', table.columns.map((column) => h('th', { scope: 'col' }, column)))]),
        h(
          'tbody',
          table.rows.map((row) =>
            h('tr', [
              h('th', { scope: 'row' }, row.label),
              ...row.cells.map((cell) => h('td', cell.illustrative ? { className: ['is-illustrative'] } : {}, cell.text)),
            ]),
          ),
        ),
      ]),
    ]),
    ...(marks
      ? [
          h(
            'p',
            { className: ['chart__legend-note'] },
            [
              spec.counts.illustrative > 0 ? '* Illustrative: no source gives this figure; it fills a gap and is not evidence.' : '',
              spec.counts.midpoints > 0 ? ' ≈ Midpoint of a published low–high range; the whisker spans the range.' : '',
            ]
              .join('')
              .trim(),
          ),
        ]
      : []),
  ]);
}

function caption(spec: ChartSpec): ElementContent[] {
  const parts: ElementContent[] = [];
  if (spec.sources.length > 0) {
    parts.push({ type: 'text', value: spec.sources.length === 1 ? 'Source: ' : 'Sources: ' });
    spec.sources.forEach((source, index) => {
      if (index > 0) parts.push({ type: 'text', value: '; ' });
      const label = [source.publisher ?? source.title, source.year].filter(Boolean).join(', ');
      parts.push(source.url ? h('a', { href: source.url, rel: 'noopener' }, label) : { type: 'text', value: label });
    });
    parts.push({ type: 'text', value: '. ' });
  }
  if (spec.counts.illustrative > 0) {
    parts.push(
      h('strong', { className: ['chart__illustrative'] }, `${spec.counts.illustrative} of ${spec.counts.points} values are illustrative`),
      { type: 'text', value: `${spec.type === 'line' ? ' (hollow points on dashed lines)' : ' (pale bars)'}: no source gives them. ` },
    );
  }
  if (spec.counts.midpoints > 0) {
    const mark = spec.type === 'line' ? 'drawn as diamonds, with whiskers over the ranges' : 'with whiskers over the ranges';
    parts.push({ type: 'text', value: `${spec.counts.midpoints} ${spec.counts.midpoints === 1 ? 'value is the midpoint' : 'values are midpoints'} of published ranges (${mark}). ` });
  }
  parts.push({ type: 'text', value: `Dataset: ${spec.dataset.title}.` });
  return parts;
}
