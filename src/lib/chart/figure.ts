/**
 * The markup of a chart figure, as a hast tree: title and permalink, the canvas
 * the chart runtime draws on, the data as a real table, and a caption with
 * source and notes. The remark plugin and the pages emit this same tree.
 */

import type { Element, ElementContent } from 'hast';
import { h } from 'hastscript';
import { safeJson } from '../safe-json.ts';
import { siteHref } from '../site-url.ts';
import { chartCaption } from './chart-caption.ts';
import { chartPagePath, chartPermalink, downloadName, downloadPath, explorerPath } from './chart-paths.ts';
import { type ChartSpec, frameShape } from './chart-spec.ts';
import { chartTable } from './chart-table.ts';
import { describeAnnotation } from './describe.ts';
import { frameLevelOf } from './figure-image-sizes.ts';

/**
 * Serialises a spec for `<script type="application/json">` (see `safeJson`).
 * @param spec The chart.
 */
function serialiseSpec(spec: ChartSpec): string {
  return safeJson(spec);
}

/** The static drawings of a chart (SVG, drawn by `src/lib/images/render-chart-svg.ts`): wide, and for phones. */
export interface StaticDrawings {
  wide: Element;
  narrow: Element;
}

/**
 * Both drawings, classed so the stylesheet shows the one that fits (the phone's keeps larger type).
 * @param drawings The chart's drawings.
 * @param label Their accessible name, when it is not the chart's description (the home page adds the title).
 */
export function drawingElements(drawings: StaticDrawings, label?: string): Element[] {
  return (['wide', 'narrow'] as const).map((layout) => ({
    ...drawings[layout],
    properties: {
      ...drawings[layout].properties,
      ...(label === undefined ? {} : { ariaLabel: label }),
      className: ['chart__drawing', `chart__drawing--${layout}`],
    },
  }));
}

/**
 * What stands in a figure for its drawings when they are drawn after its HTML: the build renders reports in its
 * check and draws every chart's drawings on all cores afterwards; `fillDrawings()` (src/lib/images) puts them here.
 * @param id The chart's id.
 */
function drawingsPlaceholder(id: string): Element {
  return h('template', { dataDrawingsFor: id });
}

/**
 * Builds the figure for a chart: the static drawing (shown until the canvas is
 * drawn, and always without JavaScript), the canvas, the data table, a caption
 * and links.
 * @param spec The chart.
 * @param slug The report's slug, for download paths.
 * @param base The path the site is published under (`''` at the host's root; see `basePath`).
 * @param drawings The chart drawn as SVG for a wide column and for a phone, or `'later'` for a placeholder.
 * @param options `explorer: false` leaves out "Open in explorer" when the explorer does not offer the chart's dataset
 *   (default: `true`); `title: false` leaves out the title line where the page's heading already says it, with the id
 *   `<id>-title` that the figure is labelled by (a chart's own page); `brief: true` gives the short caption of an
 *   embed (see `chartCaption`).
 */
export function chartFigure(
  spec: ChartSpec,
  slug: string,
  base: string,
  drawings: StaticDrawings | 'later',
  options: { explorer?: boolean; title?: boolean; brief?: boolean } = {},
): Element {
  const titleId = `${spec.id}-title`;
  const href = (path: string) => siteHref(base, path);
  // data-pagefind-title makes the chart a place search can link to (`/reports/x/#chart-id`), as a section heading is.
  const searchTitle = spec.title ? { dataPagefindTitle: spec.title } : {};
  return h('figure', { className: ['chart'], id: spec.id, dataChart: '', ariaLabelledby: titleId, ...searchTitle }, [
    ...(options.title === false
      ? []
      : [
          h('div', { className: ['chart__head'] }, [
            h('p', { className: ['chart__title'], id: titleId }, spec.title),
            h(
              'a',
              { className: ['chart__permalink'], href: `#${spec.id}`, ariaLabel: `Link to the chart “${spec.title}”` },
              '#',
            ),
          ]),
        ]),
    h('div', { className: frameClasses(spec) }, [
      h(
        'div',
        { className: ['chart__image'] },
        drawings === 'later' ? [drawingsPlaceholder(spec.id)] : drawingElements(drawings),
      ),
      // Small multiples: a canvas per panel, placed by the chart runtime as the drawing places them.
      ...(spec.panels
        ? [
            h(
              'div',
              { className: ['chart__panels'] },
              spec.panels.map(() => h('div', { className: ['chart__panel'] }, [h('canvas', { ariaHidden: 'true' })])),
            ),
          ]
        : [h('canvas', { ariaHidden: 'true' })]),
      h('script', { type: 'application/json', className: ['chart__spec'] }, serialiseSpec(spec)),
    ]),
    dataTable(spec),
    // Link labels and table cells would crowd search excerpts (Pagefind skips what is marked).
    h('p', { className: ['chart__links'], dataPagefindIgnore: '' }, [
      h('a', { href: href(chartPermalink(slug, spec.id)) }, 'Permalink'),
      h('a', { href: href(chartPagePath(slug, spec.id)) }, 'Share or embed'),
      h(
        'a',
        { href: href(downloadPath(slug, spec.id, 'csv')), download: downloadName(slug, spec.id, 'csv') },
        'Data (CSV)',
      ),
      h(
        'a',
        { href: href(downloadPath(slug, spec.id, 'svg')), download: downloadName(slug, spec.id, 'svg') },
        'Image (SVG)',
      ),
      h(
        'a',
        { href: href(downloadPath(slug, spec.id, 'png')), download: downloadName(slug, spec.id, 'png') },
        'Image (PNG)',
      ),
      // A dataset too large for the explorer is not in it: a link there would open another dataset.
      // Nor does the explorer draw ranges and scatters: it would show another chart under the same name.
      ...(options.explorer === false || spec.type === 'range' || spec.type === 'scatter'
        ? []
        : [h('a', { href: href(explorerPath(spec)) }, 'Open in explorer')]),
    ]),
    // A figcaption must be the figure's first or last child.
    h('figcaption', { className: ['chart__caption'] }, caption(spec, options.brief ?? false)),
  ]);
}

/** The frame's classes: its kind, and how tall it is for charts with a row per category. */
function frameClasses(spec: ChartSpec): string[] {
  const level = frameLevelOf(frameShape(spec));
  return ['chart__frame', `chart__frame--${spec.type}`, ...(level > 0 ? [`chart__frame--tall-${level}`] : [])];
}

function dataTable(spec: ChartSpec): Element {
  const table = chartTable(spec);
  const marks = spec.counts.illustrative > 0 || spec.counts.midpoints > 0;
  return h('details', { className: ['chart__data'], dataPagefindIgnore: '' }, [
    h('summary', 'Show data'),
    h('div', { className: ['table-scroll'] }, [
      h('table', [
        h('caption', table.caption),
        h('thead', [
          h(
            'tr',
            table.columns.map((column) => h('th', { scope: 'col' }, column)),
          ),
        ]),
        h(
          'tbody',
          table.rows.map((row) =>
            h('tr', [
              h('th', { scope: 'row' }, row.label),
              ...row.cells.map((cell) =>
                h('td', cell.illustrative ? { className: ['is-illustrative'] } : {}, cell.text),
              ),
            ]),
          ),
        ),
      ]),
    ]),
    ...annotationList(spec),
    ...(marks
      ? [
          h(
            'p',
            { className: ['chart__legend-note'] },
            [
              spec.counts.illustrative > 0
                ? '* Illustrative: no source gives this figure; it fills a gap and is not evidence.'
                : '',
              spec.counts.midpoints > 0
                ? ' ≈ Midpoint of a published low–high range; the whisker spans the range.'
                : '',
            ]
              .join('')
              .trim(),
          ),
        ]
      : []),
  ]);
}

/** The notes drawn on the chart, listed under its table, so they can be read and copied as text. */
function annotationList(spec: ChartSpec): Element[] {
  const notes = spec.annotations ?? [];
  if (notes.length === 0) return [];
  return [
    h('p', { className: ['chart__notes-title'] }, 'Notes on the chart'),
    h(
      'ul',
      { className: ['chart__notes'] },
      notes.map((note) => h('li', describeAnnotation(note))),
    ),
  ];
}

function caption(spec: ChartSpec, brief: boolean): ElementContent[] {
  return chartCaption(spec, { brief }).map((part): ElementContent => {
    if (part.kind === 'link') return h('a', { href: part.href, rel: 'noopener' }, part.text);
    if (part.kind === 'strong') return h('strong', { className: ['chart__illustrative'] }, part.text);
    return { type: 'text', value: part.text };
  });
}
