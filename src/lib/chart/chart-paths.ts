/**
 * Where each rendering of a chart is published (docs/authoring.md, "What a build publishes").
 * Every link to a chart is built here, so they cannot drift apart.
 */
import { type ChartSpec, FROM_ZERO_TYPES } from './chart-spec.ts';

/** The report's page: `/reports/<slug>/`. */
export function reportPath(slug: string): string {
  return `/reports/${slug}/`;
}

/** The chart inside its report: `/reports/<slug>/#<id>`. */
export function chartPermalink(slug: string, id: string): string {
  return `/reports/${slug}/#${id}`;
}

/** The chart's own page: `/reports/<slug>/charts/<id>/`. */
export function chartPagePath(slug: string, id: string): string {
  return `/reports/${slug}/charts/${id}/`;
}

/** The embeddable page: `/embed/<slug>/<id>/`. */
export function embedPath(slug: string, id: string): string {
  return `/embed/${slug}/${id}/`;
}

/** oEmbed JSON: `/oembed/<slug>/<id>.json`. */
export function oembedPath(slug: string, id: string): string {
  return `/oembed/${slug}/${id}.json`;
}

/** Social cards: `/og/<slug>.png` for a report, `/og/<slug>/<id>.png` for a chart. */
export function socialCardPath(slug: string, id?: string): string {
  return id ? `/og/${slug}/${id}.png` : `/og/${slug}.png`;
}

/** The site's own social card, for pages without one of their own. */
export const SITE_CARD_PATH = '/og/site.png';

/** A dataset's section on the data page, with its sources, notes and downloads: `/data/#dataset-<name>`. */
export function datasetSectionPath(name: string): string {
  return `/data/#dataset-${name}`;
}

/** A raw file a query dataset publishes (`publish_raw: true`): `data/raw/x.csv` is served at `/data/raw/x.csv`. */
export function rawFilePath(input: string): string {
  return `/${input}`;
}

/** An explorer view named in the config: `/explore/<id>/`. */
export function exploreViewPath(id: string): string {
  return `/explore/${id}/`;
}

/** An explorer view's social card: `/og/explore/<id>.png`. */
export function exploreViewCardPath(id: string): string {
  return `/og/explore/${id}.png`;
}

/** What a chart can be downloaded as: its data, a picture for slides and print, a picture to share. */
export type DownloadExtension = 'csv' | 'svg' | 'png';

/** A download's file name in its report's folder (`<id>.csv`, `<id>.svg`, `<id>.png`), the `[file]` of its route. */
export function downloadFile(id: string, extension: DownloadExtension): string {
  return `${id}.${extension}`;
}

/** Downloads: `/downloads/<slug>/<id>.csv`, `.svg` and `.png`. */
export function downloadPath(slug: string, id: string, extension: DownloadExtension): string {
  return `/downloads/${slug}/${downloadFile(id, extension)}`;
}

/** A safe download file name: `<slug>-<id>.<ext>` with only `[a-z0-9-_.]`; accents become plain letters (`zürich` → `zurich`), and a name with no letters left is `chart`. */
export function downloadName(slug: string, id: string, extension: DownloadExtension): string {
  const plain = `${slug}-${id}`.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return `${plain.replace(/[^a-z0-9_-]+/g, '-').replace(/^-+|-+$/g, '') || 'chart'}.${extension}`;
}

/**
 * The explorer showing the same view as a chart: its dataset, measure, axis,
 * series and filters, as the explorer's query parameters.
 * @param spec The chart.
 */
export function explorerPath(
  spec: Pick<ChartSpec, 'dataset' | 'y' | 'x' | 'seriesColumn' | 'filters' | 'type'>,
): string {
  // The explorer draws every kind but ranges and scatters (whose figures do not link to it), and a log axis
  // wherever a kind allows one.
  const params = new URLSearchParams({ dataset: spec.dataset.name, y: spec.y.column });
  if (spec.x.column !== 'year') params.set('x', spec.x.column);
  const seriesFilter = spec.filters.find((filter) => filter.column === spec.seriesColumn);
  if (seriesFilter) params.set('series', seriesFilter.values.join(','));
  const others = spec.filters.filter((filter) => filter !== seriesFilter);
  if (others.length > 0)
    params.set('where', others.map((filter) => `${filter.column}=${filter.values.join(',')}`).join('; '));
  if (spec.type !== 'line' && spec.type !== 'range' && spec.type !== 'scatter') params.set('type', spec.type);
  if (spec.y.scale === 'logarithmic' && !FROM_ZERO_TYPES.includes(spec.type)) params.set('scale', 'log');
  return `/explore/?${params}`;
}
